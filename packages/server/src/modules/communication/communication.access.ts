import { AccessScope } from '../../common/access';
import type { Context } from '../../common/context';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { ACCOUNT_WRITERS, hasRole } from '../../common/policy';
import type { Account } from '../account/account.entity';
import { requireReadableAccount } from '../account/account.service';
import type { User } from '../user/user.entity';
import { Communication } from './communication.entity';
import { CommunicationErrors } from './communication.errors';
import { logsOnEveryAccount } from './communication.policy';

/*
 * Who may log on which account and own which follow-up, shared by the communication and follow-up
 * services. Row scope is applied by the loaders' SQL.
 */

/**
 * Whether the viewer may log communications on `account` (already read through the scoped loader):
 * those who may change it, and the IT Director on any account they read.
 */
export async function canLogOn(ctx: Context, account: Account): Promise<boolean> {
  if (ctx.scope.neverWrites) return false;
  if (logsOnEveryAccount(ctx.viewer)) return true;
  return ctx.scope.canWriteAccount(ctx.em, account.id);
}

/** A readable account the viewer may log on; NOT_FOUND when unreadable, FORBIDDEN when read-only. */
export async function requireLoggableAccount(ctx: Context, globalId: string, path: string): Promise<Account> {
  const account = await requireReadableAccount(ctx, globalId, path);
  if (!(await canLogOn(ctx, account))) throw CommunicationErrors.cannotLog(account.name);
  return account;
}

/** Whether `user` could log on the account themselves: what owning a follow-up on it needs. */
export async function userMayLogOn(ctx: Context, user: User, accountId: number): Promise<boolean> {
  if (!user.active || !hasRole(ACCOUNT_WRITERS, user.role)) return false;
  if (logsOnEveryAccount(user)) return true;
  const scope = await AccessScope.forViewer(ctx.em, user);
  return scope.canWriteAccount(ctx.em, accountId);
}

/** A communication the viewer may read, or NOT_FOUND. */
export async function requireReadableCommunication(
  ctx: Context,
  globalId: string,
  path: string,
): Promise<Communication> {
  const communication = await ctx.loaders.communicationById.load(decodeGlobalId(globalId, 'Communication', path));
  if (!communication) throw new NotFoundError('Communication', globalId);
  return communication;
}
