import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../common/access';
import { UnauthenticatedError } from '../common/errors';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { createAccountLoaders } from '../modules/account/account.loaders';
import { createApprovalLoaders } from '../modules/approval/approval.loaders';
import { createChangeOrderLoaders } from '../modules/change-order/change-order.loaders';
import { createClientIssueLoaders } from '../modules/client-issue/client-issue.loaders';
import { createContractLoaders } from '../modules/contract/contract.loaders';
import { createContactLoaders } from '../modules/contact/contact.loaders';
import { createInvoiceLoaders } from '../modules/invoice/invoice.loaders';
import { createProjectLoaders } from '../modules/project/project.loaders';
import { createTeamLoaders } from '../modules/team/team.loaders';
import { createUserLoaders } from '../modules/user/user.loaders';
import type { User } from '../modules/user/user.entity';

/** Per-request loaders, bound to one entity manager and one viewer's scope. */
export function createLoaders(em: EntityManager, scope: AccessScope) {
  return {
    ...createUserLoaders(em),
    ...createAccountLoaders(em, scope),
    ...createContactLoaders(em, scope),
    ...createTeamLoaders(em, scope),
    ...createContractLoaders(em, scope),
    ...createApprovalLoaders(em, scope),
    ...createInvoiceLoaders(em, scope),
    ...createChangeOrderLoaders(em, scope),
    ...createClientIssueLoaders(em, scope),
    ...createProjectLoaders(em, scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything a resolver and service needs for one request. Services take it first. */
export class Context {
  constructor(
    readonly requestId: string,
    readonly log: Logger,
    readonly config: Config,
    readonly db: Database,
    /** The manager every query goes through: the pool's, or the transaction's inside `inTransaction`. */
    readonly em: EntityManager,
    private readonly access: AccessScope | null,
    /** Why the bearer token was refused, if it was; raised when an operation needs a viewer. */
    readonly authError: UnauthenticatedError | null = null,
    private loaderCache?: Loaders,
  ) {}

  get isAuthenticated(): boolean {
    return this.access !== null;
  }

  /** The signed-in member of staff; the server refuses operations without one before resolvers run. */
  get viewer(): User {
    return this.scope.viewer;
  }

  get scope(): AccessScope {
    if (!this.access) throw this.authError ?? new UnauthenticatedError();
    return this.access;
  }

  get loaders(): Loaders {
    this.loaderCache ??= createLoaders(this.em, this.scope);
    return this.loaderCache;
  }

  /** The same request, bound to a transaction's manager (with loaders that read inside it). */
  withManager(em: EntityManager): Context {
    return new Context(this.requestId, this.log, this.config, this.db, em, this.access, this.authError);
  }
}

/** Runs `work` in one transaction bound to a child context: everything commits, or nothing does. */
export function inTransaction<T>(ctx: Context, work: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((em) => work(ctx.withManager(em)));
}
