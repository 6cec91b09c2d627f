import type { Context } from '../../common/context';
import { AccessScope } from '../../common/access';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { hasRole } from '../../common/policy';
import type { User } from '../user/user.entity';
import { ClientIssue, ClientIssueSeverity, OPEN_ISSUE_STATUSES } from './client-issue.entity';
import { ClientIssueErrors } from './client-issue.errors';
import { ClientIssuePolicy, isEscalationDesk } from './client-issue.policy';

/*
 * Which issue the viewer may read, work, settle or hand to whom, shared by the lifecycle and the
 * escalation services. Row scope is applied by the loaders' SQL.
 */

export function requireOpen(issue: ClientIssue): void {
  if (!OPEN_ISSUE_STATUSES.includes(issue.status)) throw ClientIssueErrors.notOpen(issue.title, issue.status);
}

/** An issue the viewer may read (its account in scope), or NOT_FOUND. */
export async function requireReadableIssue(ctx: Context, globalId: string, path = 'input.id'): Promise<ClientIssue> {
  const issue = await ctx.loaders.clientIssueById.load(decodeGlobalId(globalId, 'ClientIssue', path));
  if (!issue) throw new NotFoundError('ClientIssue', globalId);
  return issue;
}

/**
 * An issue the viewer may work (update, respond, assign, comment, reopen): the account's writers
 * (owner, team, their seniors, executives, admins), and the IT Director on any account for an issue
 * that is CRITICAL or has been escalated. BI never writes.
 */
export async function requireWritableIssue(ctx: Context, globalId: string): Promise<ClientIssue> {
  const issue = await requireReadableIssue(ctx, globalId);
  if (ctx.scope.neverWrites) throw ClientIssueErrors.cannotWrite(issue.title);
  const directorCase =
    isEscalationDesk(ctx.viewer) && (issue.severity === ClientIssueSeverity.CRITICAL || issue.escalatedAt !== null);
  if (!directorCase && !(await ctx.scope.canWriteAccount(ctx.em, issue.accountId)))
    throw ClientIssueErrors.cannotWrite(issue.title);
  return issue;
}

/**
 * Who may resolve or close: the assignee, the account's owner and the owner's senior account manager,
 * executives and admins, and the IT Director once the issue has been escalated. Other team members
 * may work the issue but not settle it.
 */
export async function requireResolver(ctx: Context, issue: ClientIssue, action: 'resolve' | 'close'): Promise<void> {
  const viewer = ctx.viewer;
  if (ctx.scope.neverWrites) throw ClientIssueErrors.cannotResolve(issue.title, action);
  if (hasRole(ClientIssuePolicy.rules.settlesEveryIssue, viewer.role) || issue.assigneeId === viewer.id) return;
  if (isEscalationDesk(viewer) && issue.escalatedAt !== null) return;
  const account = await ctx.loaders.accountById.load(issue.accountId);
  if (account?.ownerId != null) {
    if (account.ownerId === viewer.id) return;
    const owner = await ctx.loaders.userById.load(account.ownerId);
    if (owner?.managerId === viewer.id) return;
  }
  throw ClientIssueErrors.cannotResolve(issue.title, action);
}

/** Active staff who may change the account, or the IT Director (who works escalations on any account). */
export async function requireEligibleAssignee(tx: Context, globalId: string, accountId: number): Promise<User> {
  const user = await tx.loaders.userById.load(decodeGlobalId(globalId, 'User', 'input.assigneeId'));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active) throw ClientIssueErrors.assigneeNotEligible(user.name);
  if (isEscalationDesk(user)) return user;
  const scope = await AccessScope.forViewer(tx.em, user);
  if (!(await scope.canWriteAccount(tx.em, accountId))) throw ClientIssueErrors.assigneeNotEligible(user.name);
  return user;
}
