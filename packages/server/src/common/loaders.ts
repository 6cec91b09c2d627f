import type { EntityManager } from 'typeorm';
import type { AccessScope } from './access';

/** Makes one per-request loader, bound to the request's entity manager and the viewer's scope. */
export type LoaderFactory = (em: EntityManager, scope: AccessScope) => object;

/** What each module offers a request: its loaders by name. */
export type LoaderFactories = Record<string, LoaderFactory>;

/** The loaders built from `F`, each made on first use. */
export type LoaderSet<F extends LoaderFactories> = { readonly [K in keyof F]: ReturnType<F[K]> };

const MANAGER = Symbol('entity manager');
const SCOPE = Symbol('access scope');

/**
 * A class per set of factories whose instances make each loader the first time it is read: a
 * request that reads one account builds one loader, not every module's sixty. The getters live on
 * the prototype, built once, so a request pays only for the loaders it uses.
 */
export function lazyLoaders<F extends LoaderFactories>(
  factories: F,
): (em: EntityManager, scope: AccessScope) => LoaderSet<F> {
  class Loaders {
    [MANAGER]: EntityManager;
    [SCOPE]: AccessScope;
    constructor(em: EntityManager, scope: AccessScope) {
      this[MANAGER] = em;
      this[SCOPE] = scope;
    }
  }
  for (const [name, make] of Object.entries(factories)) {
    Object.defineProperty(Loaders.prototype, name, {
      get(this: Loaders) {
        const loader = make(this[MANAGER], this[SCOPE]);
        Object.defineProperty(this, name, { value: loader });
        return loader;
      },
    });
  }
  return (em, scope) => new Loaders(em, scope) as unknown as LoaderSet<F>;
}
