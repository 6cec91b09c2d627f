import { In } from 'typeorm';
import { inTransaction, type Context } from '../../common/context';
import { ConflictError } from '../../common/errors';
import { checkExpectedVersion, transitionStatus } from '../../common/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { notify, NotificationKind } from '../notification/notification.service';
import { User } from '../user/user.entity';
import { requireOpen, requireReadableIssue } from './client-issue.access';
import { ClientIssue, ClientIssueEventKind, ClientIssueSeverity, ClientIssueStatus } from './client-issue.entity';
import { ClientIssueErrors } from './client-issue.errors';
import { ClientIssuePolicy, isEscalationDesk } from './client-issue.policy';
import { AUDITED_FIELDS, addEvent, issueLabel, issueSnapshot } from './client-issue-events';
import {
  MAX_SWEEP,
  type EscalateBreachedClientIssuesInput,
  type EscalateClientIssueInput,
} from './client-issue.inputs';
import { breachedSql, isBreached, isResponseLate } from './sla';

/** Statuses from which an issue can be escalated. */
export const ESCALATABLE: readonly ClientIssueStatus[] = [ClientIssueStatus.OPEN, ClientIssueStatus.IN_PROGRESS];
/** Severities whose SLA breach escalates to the IT Director (on the next write, or the sweep). */
const BREACH_ESCALATED: readonly ClientIssueSeverity[] = [ClientIssueSeverity.HIGH, ClientIssueSeverity.CRITICAL];

/** Escalation to the IT Director: by hand, on a breached SLA (the next write or the sweep), and the sweep itself. */
export const ClientIssueEscalationService = {
  /**
   * Escalates an OPEN or IN_PROGRESS issue to the IT Director: assigns them, records when and why,
   * and notifies them, in one transaction. The account's writers and the IT Director may escalate.
   */
  async escalate(ctx: Context, input: EscalateClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireReadableIssue(tx, input.id);
      if (tx.scope.neverWrites) throw ClientIssueErrors.cannotEscalate(issue.title);
      if (!isEscalationDesk(tx.viewer) && !(await tx.scope.canWriteAccount(tx.em, issue.accountId)))
        throw ClientIssueErrors.cannotEscalate(issue.title);
      checkExpectedVersion(issue, input.expectedVersion);
      if (issue.status === ClientIssueStatus.ESCALATED) throw ClientIssueErrors.alreadyEscalated(issue.title);
      requireOpen(issue);
      await escalateToDirector(tx, issue, input.reason.trim(), 'escalateClientIssue', { automatic: false });
      return issue;
    });
  },

  /**
   * The breach sweep: escalates every HIGH or CRITICAL issue still OPEN or IN_PROGRESS whose SLA is
   * BREACHED, oldest first, up to `limit`, in one transaction. One that someone else changes at the
   * same moment is skipped (the next write or sweep catches it). Admins, executives, the IT Director.
   */
  async escalateBreached(
    ctx: Context,
    input: EscalateBreachedClientIssuesInput,
  ): Promise<{ escalated: ClientIssue[]; escalatedCount: number; hasMore: boolean }> {
    const limit = input.limit ?? MAX_SWEEP;
    return inTransaction(ctx, async (tx) => {
      const breached = breachedSql('issue', new Date());
      const qb = tx.em
        .createQueryBuilder(ClientIssue, 'issue')
        .where('issue.status IN (:...escalatable)', { escalatable: ESCALATABLE })
        .andWhere('issue.severity IN (:...breachSeverities)', { breachSeverities: BREACH_ESCALATED })
        .andWhere(breached.sql, breached.params)
        .orderBy('issue.id', 'ASC')
        .limit(limit + 1);
      tx.scope.restrictByAccountId(qb, 'issue');
      const found = await qb.getMany();
      const escalated: ClientIssue[] = [];
      if (found.length === 0) return { escalated, escalatedCount: 0, hasMore: false };
      const director = await itDirector(tx);
      if (!director) throw ClientIssueErrors.noItDirector();
      for (const issue of found.slice(0, limit)) {
        try {
          await escalateToDirector(tx, issue, breachReason(issue), 'escalateBreachedClientIssues', {
            automatic: false,
            director,
          });
          escalated.push(issue);
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return { escalated, escalatedCount: escalated.length, hasMore: found.length > limit };
    });
  },
};

/** The IT Director issues escalate to: the active user with that role, the first by id if there are several. */
async function itDirector(tx: Context): Promise<User | null> {
  const desk = ClientIssuePolicy.rules.escalationDesk.roles;
  return tx.em.findOne(User, { where: { role: In([...desk]), active: true }, order: { id: 'ASC' } });
}

/**
 * Escalates to the IT Director inside the caller's transaction: status ESCALATED (a compare-and-swap),
 * assignee, time and reason, a timeline entry, the notification and the audit event commit together.
 * An automatic escalation with no IT Director to escalate to is left out (and logged) rather than
 * refusing the write that triggered it.
 */
export async function escalateToDirector(
  tx: Context,
  issue: ClientIssue,
  reason: string,
  action: string,
  options: { automatic: boolean; director?: User },
): Promise<void> {
  const director = options.director ?? (await itDirector(tx));
  if (!director) {
    if (options.automatic) {
      tx.log.warn({ issueId: issue.globalId }, 'client issue not escalated: there is no active IT Director');
      return;
    }
    throw ClientIssueErrors.noItDirector();
  }
  const before = issueSnapshot(issue);
  const from = issue.status;
  const now = new Date();
  await transitionStatus(
    tx,
    issue,
    ESCALATABLE,
    ClientIssueStatus.ESCALATED,
    { escalatedAt: now, escalationReason: reason, assigneeId: director.id },
    issueLabel(issue),
  );
  await addEvent(tx, issue, ClientIssueEventKind.ESCALATION, {
    fromStatus: from,
    toStatus: ClientIssueStatus.ESCALATED,
    body: reason,
    at: now,
  });
  const account = await tx.loaders.accountById.load(issue.accountId);
  await notify(tx, {
    recipientId: director.id,
    kind: NotificationKind.ISSUE_ESCALATED,
    subject: issue,
    message: `${issue.severity} ${issue.category} issue "${issue.title}"${account ? ` at ${account.name}` : ''} was escalated to you: ${reason}`,
  });
  await recordAudit(tx, action, issue, {
    ...diffFields(before, issueSnapshot(issue), AUDITED_FIELDS),
    ...(options.automatic ? { automatic: { before: null, after: true } } : {}),
  });
}

/**
 * The breach rule: a HIGH or CRITICAL issue still OPEN or IN_PROGRESS whose SLA is BREACHED is
 * escalated by the next write to it, before that write applies (an update of the issue itself is
 * judged after it, on the severity and deadlines it sets). Reads never write, so reading a
 * breached issue does not escalate it; `escalateBreachedClientIssues` catches the untouched ones.
 */
export async function escalateIfBreached(tx: Context, issue: ClientIssue): Promise<void> {
  if (!BREACH_ESCALATED.includes(issue.severity) || !ESCALATABLE.includes(issue.status)) return;
  if (!isBreached(issue, new Date())) return;
  await escalateToDirector(tx, issue, breachReason(issue), 'escalateClientIssue', { automatic: true });
}

function breachReason(issue: ClientIssue): string {
  return isResponseLate(issue, new Date())
    ? `SLA breached: the first response to this ${issue.severity} issue was due at ${issue.responseDueAt.toISOString()}.`
    : `SLA breached: the resolution of this ${issue.severity} issue was due at ${issue.resolutionDueAt.toISOString()}.`;
}
