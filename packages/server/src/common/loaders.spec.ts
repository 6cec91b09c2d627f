import type { EntityManager } from 'typeorm';
import type { AccessScope } from './access';
import { lazyLoaders } from './loaders';

describe('lazyLoaders', () => {
  const em = {} as EntityManager;
  const scope = {} as AccessScope;

  it("makes a loader the first time it is read, once per request, with that request's manager and scope", () => {
    const made: string[] = [];
    const create = lazyLoaders({
      first: (m, s) => (made.push('first'), { m, s }),
      second: () => (made.push('second'), {}),
    });
    const loaders = create(em, scope);
    expect(made).toEqual([]);
    expect(loaders.first).toEqual({ m: em, s: scope });
    expect(loaders.first).toBe(loaders.first);
    expect(made).toEqual(['first']);

    const other = create(em, scope);
    expect(other.first).not.toBe(loaders.first);
    expect(made).toEqual(['first', 'first']);
  });
});
