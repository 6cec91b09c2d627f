import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config/config';
import type { Database, OpenTransaction } from '../db/database';
import type { AccessScope } from './access';
import { UnauthenticatedError } from './errors';
import type { Viewer } from './viewer';

/**
 * Every feature's per-request loaders, by name. Each feature's loaders file adds its own to this
 * interface (declaration merging), and the app composes the factories that make them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features
export interface Loaders {}

/** Makes a request's loaders, bound to one entity manager and one viewer's scope. */
export type MakeLoaders = (em: EntityManager, scope: AccessScope) => Loaders;

/** Everything a resolver and service needs for one request. Services take it first. */
export class Context {
  constructor(
    readonly requestId: string,
    readonly log: Logger,
    readonly config: Config,
    readonly db: Database,
    private readonly makeLoaders: MakeLoaders,
    private readonly manager: EntityManager,
    private readonly access: AccessScope | null,
    /** Why the bearer token was refused, if it was; raised when an operation needs a viewer. */
    readonly authError: UnauthenticatedError | null = null,
    private loaderCache?: Loaders,
    private requestTransaction: OpenTransaction | null = null,
  ) {}

  /**
   * The manager every query goes through: the pool's, the transaction's inside `inTransaction`,
   * or the request's own transaction while it has one.
   */
  get em(): EntityManager {
    return this.requestTransaction?.em ?? this.manager;
  }

  /** The transaction this whole request runs in, if it has one: `inTransaction` joins it. */
  get transaction(): OpenTransaction | null {
    return this.requestTransaction;
  }

  /**
   * Runs the rest of this request inside `transaction` (until called again with null): every
   * query reads inside it and every `inTransaction` joins it as a savepoint. The idempotency
   * plugin uses it so that a keyed mutation and its recorded outcome commit together.
   */
  useTransaction(transaction: OpenTransaction | null): void {
    if (transaction && this.requestTransaction) throw new Error('This request already runs in a transaction.');
    this.requestTransaction = transaction;
    // Loaders read through a manager: ones made before would read outside the transaction.
    this.loaderCache = undefined;
  }

  get isAuthenticated(): boolean {
    return this.access !== null;
  }

  /** The signed-in member of staff; the server refuses operations without one before resolvers run. */
  get viewer(): Viewer {
    return this.scope.viewer;
  }

  get scope(): AccessScope {
    if (!this.access) throw this.authError ?? new UnauthenticatedError();
    return this.access;
  }

  get loaders(): Loaders {
    this.loaderCache ??= this.makeLoaders(this.em, this.scope);
    return this.loaderCache;
  }

  /** The same request, bound to a transaction's manager (with loaders that read inside it). */
  withManager(em: EntityManager): Context {
    return new Context(
      this.requestId,
      this.log,
      this.config,
      this.db,
      this.makeLoaders,
      em,
      this.access,
      this.authError,
      undefined,
      this.requestTransaction,
    );
  }
}

/**
 * Runs `work` in one transaction bound to a child context: everything commits, or nothing does.
 * When the request runs in a transaction of its own (`ctx.transaction`: a mutation with an
 * Idempotency-Key), `work` joins it as a savepoint instead: if it throws, only its own writes are
 * undone, and what it keeps commits with the rest of the request. Joining takes no second write
 * lock on SQLite and runs no deadlock retry: a deadlock there undoes the whole request.
 */
export function inTransaction<T>(ctx: Context, work: (tx: Context) => Promise<T>): Promise<T> {
  const requestTransaction = ctx.transaction;
  if (requestTransaction) return requestTransaction.savepoint((em) => work(ctx.withManager(em)));
  return ctx.db.transaction((em) => work(ctx.withManager(em)));
}
