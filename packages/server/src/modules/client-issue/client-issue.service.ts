import { In } from 'typeorm';
import { inTransaction, type Context } from '../../common/context';
import { AccessScope } from '../../common/access';
import { stampNew } from '../../common/base.entity';
import { ConflictError, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { hasRole } from '../../common/policy';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { requireReadableAccount } from '../account/account.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { notify, NotificationKind } from '../notification/notification.service';
import { User } from '../user/user.entity';
import {
  ClientIssue,
  ClientIssueCategory,
  ClientIssueEvent,
  ClientIssueEventKind,
  ClientIssueSeverity,
  ClientIssueStatus,
  OPEN_ISSUE_STATUSES,
  SEVERITY_RANK,
  SlaStatus,
} from './client-issue.entity';
import { ClientIssueErrors } from './client-issue.errors';
import { ClientIssuePolicy, isEscalationDesk } from './client-issue.policy';
import {
  ClientIssueOrderField,
  MAX_REPORT_DELAY_DAYS,
  MAX_SWEEP,
  type AssignClientIssueInput,
  type ClientIssueFilter,
  type ClientIssueOrder,
  type CloseClientIssueInput,
  type CommentOnClientIssueInput,
  type EscalateBreachedClientIssuesInput,
  type EscalateClientIssueInput,
  type ReopenClientIssueInput,
  type ReportClientIssueInput,
  type ResolveClientIssueInput,
  type RespondToClientIssueInput,
  type UpdateClientIssueInput,
} from './client-issue.inputs';
import { isBreached, slaClock } from './sla';

const AUDITED_FIELDS = [
  'accountId',
  'title',
  'description',
  'severity',
  'category',
  'status',
  'reportedByContactId',
  'reportedByUserId',
  'assigneeId',
  'reportedAt',
  'responseDueAt',
  'resolutionDueAt',
  'firstResponseAt',
  'resolvedAt',
  'resolution',
  'conflictResolutionNote',
  'escalatedAt',
  'escalationReason',
] as const;

const DAY_MS = 86_400_000;
/** How far ahead of the server's clock a report time may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

const SORTS: Record<ClientIssueOrderField, Omit<SortOrder, 'direction'>> = {
  [ClientIssueOrderField.REPORTED_AT]: { key: 'reportedAt', property: 'reportedAt', kind: 'date' },
  [ClientIssueOrderField.SEVERITY]: { key: 'severity', property: 'severityRank', kind: 'number' },
  [ClientIssueOrderField.RESOLUTION_DUE_AT]: { key: 'resolutionDueAt', property: 'resolutionDueAt', kind: 'date' },
};

/** Statuses from which an issue can be escalated. */
const ESCALATABLE: readonly ClientIssueStatus[] = [ClientIssueStatus.OPEN, ClientIssueStatus.IN_PROGRESS];
/** Severities whose SLA breach escalates to the IT Director (on the next write, or the sweep). */
const BREACH_ESCALATED: readonly ClientIssueSeverity[] = [ClientIssueSeverity.HIGH, ClientIssueSeverity.CRITICAL];

/**
 * SQL for the SLA statuses on the alias `a`, with :slaNow bound: the same rules as `slaStatusAt` in
 * sla.ts, on the stored deadlines (every disjunct is NULL-safe so that NOT works).
 */
function breachedSql(a: string): string {
  return (
    `((${a}.firstResponseAt IS NULL AND ${a}.responseDueAt < :slaNow) OR (${a}.firstResponseAt IS NOT NULL AND ${a}.firstResponseAt > ${a}.responseDueAt) ` +
    `OR (${a}.resolvedAt IS NULL AND ${a}.resolutionDueAt < :slaNow) OR (${a}.resolvedAt IS NOT NULL AND ${a}.resolvedAt > ${a}.resolutionDueAt))`
  );
}

function atRiskSql(a: string): string {
  return `((${a}.firstResponseAt IS NULL AND ${a}.responseAtRiskAt <= :slaNow) OR (${a}.resolvedAt IS NULL AND ${a}.resolutionAtRiskAt <= :slaNow))`;
}

function slaStatusSql(a: string, status: SlaStatus): string {
  switch (status) {
    case SlaStatus.BREACHED:
      return breachedSql(a);
    case SlaStatus.AT_RISK:
      return `(NOT ${breachedSql(a)} AND ${atRiskSql(a)})`;
    case SlaStatus.ON_TRACK:
      return `(NOT ${breachedSql(a)} AND NOT ${atRiskSql(a)})`;
  }
}

function snapshot(issue: ClientIssue): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, issue[field]]));
}

function label(issue: ClientIssue): string {
  return `client issue "${issue.title}"`;
}

/** Client issues and their SLA clocks (PRODUCT.md, "Client issues"; SLAs from the client services agreement, config.ts). */
export const ClientIssueService = {
  /**
   * A page of issues of the accounts the viewer may read; latest reported first when no order is
   * given. The IT Director reads every account (ScopePolicy, common/policy.ts), so reads every issue, hence every
   * ESCALATED or CRITICAL one, in any account.
   */
  async list(
    ctx: Context,
    args: PageArgs,
    filter: ClientIssueFilter | null | undefined,
    orderBy: ClientIssueOrder | null | undefined,
  ): Promise<Connection<ClientIssue>> {
    const order: SortOrder = orderBy
      ? { ...SORTS[orderBy.field], direction: orderBy.direction }
      : { ...SORTS[ClientIssueOrderField.REPORTED_AT], direction: OrderDirection.DESC };
    const qb = ctx.em.createQueryBuilder(ClientIssue, 'issue');
    ctx.scope.restrictByAccountId(qb, 'issue');
    if (filter?.accountId)
      qb.andWhere('issue.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.assigneeId)
      qb.andWhere('issue.assigneeId = :assigneeId', {
        assigneeId: decodeGlobalId(filter.assigneeId, 'User', 'filter.assigneeId'),
      });
    if (filter?.severity?.length) qb.andWhere('issue.severity IN (:...severities)', { severities: filter.severity });
    if (filter?.status?.length) qb.andWhere('issue.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.category?.length) qb.andWhere('issue.category IN (:...categories)', { categories: filter.category });
    if (filter?.escalated != null)
      qb.andWhere(filter.escalated ? 'issue.escalatedAt IS NOT NULL' : 'issue.escalatedAt IS NULL');
    if (filter?.slaStatus?.length) {
      const statuses = [...new Set(filter.slaStatus)];
      qb.andWhere(`(${statuses.map((status) => slaStatusSql('issue', status)).join(' OR ')})`, { slaNow: new Date() });
    }
    return paginate(qb, 'issue', order, args);
  },

  /**
   * Records a new issue, OPEN, with its SLA deadlines from `reportedAt`. The account's writers and
   * the IT Director may report. A CRITICAL TECHNICAL issue is escalated to the IT Director in the
   * same transaction (as is one recorded so late that a HIGH or CRITICAL deadline already passed).
   */
  async report(ctx: Context, input: ReportClientIssueInput): Promise<ClientIssue> {
    const now = new Date();
    const reportedAt = input.reportedAt ?? now;
    if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw ClientIssueErrors.reportedInFuture();
    if (now.getTime() - reportedAt.getTime() > MAX_REPORT_DELAY_DAYS * DAY_MS)
      throw ClientIssueErrors.reportedTooLongAgo(MAX_REPORT_DELAY_DAYS);
    return inTransaction(ctx, async (tx) => {
      const account = await requireReadableAccount(tx, input.accountId, 'input.accountId');
      const mayReport = isEscalationDesk(tx.viewer) || (await tx.scope.canWriteAccount(tx.em, account.id));
      if (!mayReport) throw ClientIssueErrors.cannotReport(account.name);
      let reportedByContactId: number | null = null;
      if (input.reportedByContactId) {
        const contact = await tx.loaders.contactById.load(
          decodeGlobalId(input.reportedByContactId, 'Contact', 'input.reportedByContactId'),
        );
        if (!contact || contact.accountId !== account.id) throw ClientIssueErrors.contactNotOfAccount();
        reportedByContactId = contact.id;
      }
      const assignee = input.assigneeId ? await requireEligibleAssignee(tx, input.assigneeId, account.id) : null;
      const issue = stampNew(new ClientIssue(), now);
      Object.assign(issue, {
        accountId: account.id,
        projectId: null,
        title: input.title.trim(),
        description: input.description.trim(),
        severity: input.severity,
        severityRank: SEVERITY_RANK[input.severity],
        category: input.category,
        status: ClientIssueStatus.OPEN,
        reportedByContactId,
        reportedByUserId: reportedByContactId === null ? tx.viewer.id : null,
        assigneeId: assignee?.id ?? null,
        createdById: tx.viewer.id,
        reportedAt,
        ...slaClock(reportedAt, tx.config.sla[input.severity]),
        firstResponseAt: null,
        resolvedAt: null,
        resolution: null,
        conflictResolutionNote: null,
        escalatedAt: null,
        escalationReason: null,
      });
      const saved = await tx.em.save(issue);
      await addEvent(tx, saved, ClientIssueEventKind.STATUS_CHANGE, {
        toStatus: ClientIssueStatus.OPEN,
        at: reportedAt,
      });
      await recordAudit(tx, 'reportClientIssue', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      if (assignee) await announceAssignment(tx, saved, assignee);
      if (saved.severity === ClientIssueSeverity.CRITICAL && saved.category === ClientIssueCategory.TECHNICAL) {
        await escalate(
          tx,
          saved,
          'CRITICAL TECHNICAL issue: escalated to the IT Director on report.',
          'reportClientIssue',
          { automatic: true },
        );
      } else {
        await escalateIfBreached(tx, saved);
      }
      return saved;
    });
  },

  /**
   * Changes an open issue's title, description, severity or category, if `expectedVersion` is
   * current. A new severity recomputes both deadlines from `reportedAt`. Escalation is judged after
   * the change, on the new severity and deadlines: an issue that becomes CRITICAL TECHNICAL is
   * escalated as on report, and one that is now a breached HIGH or CRITICAL issue (raised to HIGH
   * past its new response deadline, say) as on any write; both in the same transaction.
   */
  async update(ctx: Context, input: UpdateClientIssueInput): Promise<ClientIssue> {
    if (input.title == null && input.description == null && input.severity == null && input.category == null)
      throw ClientIssueErrors.noChange();
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      requireOpen(issue);
      checkExpectedVersion(issue, input.expectedVersion);
      const before = snapshot(issue);
      const wasCriticalTechnical =
        issue.severity === ClientIssueSeverity.CRITICAL && issue.category === ClientIssueCategory.TECHNICAL;
      if (input.title != null) issue.title = input.title.trim();
      if (input.description != null) issue.description = input.description.trim();
      if (input.category != null) issue.category = input.category;
      const newSeverity = input.severity != null && input.severity !== issue.severity;
      if (newSeverity)
        Object.assign(issue, {
          severity: input.severity,
          severityRank: SEVERITY_RANK[input.severity!],
          ...slaClock(issue.reportedAt, tx.config.sla[input.severity!]),
        });
      const changes = diffFields(before, snapshot(issue), AUDITED_FIELDS);
      if (Object.keys(changes).length > 0) {
        await compareAndSwap(tx, issue, issue.version, [
          ...Object.keys(changes),
          ...(newSeverity ? ['severityRank', 'responseAtRiskAt', 'resolutionAtRiskAt'] : []),
        ]);
        await recordAudit(tx, 'updateClientIssue', issue, changes);
      }
      const isCriticalTechnical =
        issue.severity === ClientIssueSeverity.CRITICAL && issue.category === ClientIssueCategory.TECHNICAL;
      if (isCriticalTechnical && !wasCriticalTechnical && ESCALATABLE.includes(issue.status)) {
        await escalate(
          tx,
          issue,
          'Reclassified as CRITICAL TECHNICAL: escalated to the IT Director.',
          'updateClientIssue',
          { automatic: true },
        );
      } else {
        await escalateIfBreached(tx, issue);
      }
      return issue;
    });
  },

  /**
   * Records the first response to the client, once: a second call is refused with CONFLICT (add a
   * comment instead). An OPEN issue moves to IN_PROGRESS; an ESCALATED one stays ESCALATED.
   */
  async respond(ctx: Context, input: RespondToClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      requireOpen(issue);
      if (issue.firstResponseAt) throw ClientIssueErrors.alreadyResponded(issue.title, issue.firstResponseAt);
      await escalateIfBreached(tx, issue);
      const now = new Date();
      const from = issue.status;
      const to = from === ClientIssueStatus.OPEN ? ClientIssueStatus.IN_PROGRESS : from;
      await transitionStatus(tx, issue, [from], to, { firstResponseAt: now }, label(issue));
      await addEvent(tx, issue, ClientIssueEventKind.RESPONSE, { body: input.message.trim(), at: now });
      if (from !== to)
        await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, { fromStatus: from, toStatus: to, at: now });
      await recordAudit(tx, 'respondToClientIssue', issue, {
        ...diffFields({ status: from, firstResponseAt: null }, { status: to, firstResponseAt: now }, [
          'status',
          'firstResponseAt',
        ]),
        response: { before: null, after: input.message.trim() },
      });
      return issue;
    });
  },

  /** Gives an open issue to active staff who may change the account (or the IT Director), who is notified. */
  async assign(ctx: Context, input: AssignClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      requireOpen(issue);
      checkExpectedVersion(issue, input.expectedVersion);
      const assignee = await requireEligibleAssignee(tx, input.assigneeId, issue.accountId);
      if (issue.assigneeId === assignee.id) throw ClientIssueErrors.alreadyAssigned(assignee.name);
      await escalateIfBreached(tx, issue);
      if (issue.assigneeId === assignee.id) return issue; // the escalation just handed it to the IT Director asked for
      const before = issue.assigneeId;
      issue.assigneeId = assignee.id;
      await compareAndSwap(tx, issue, issue.version, ['assigneeId']);
      await recordAudit(tx, 'assignClientIssue', issue, { assigneeId: { before, after: assignee.id } });
      await announceAssignment(tx, issue, assignee);
      return issue;
    });
  },

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
      if (issue.status === ClientIssueStatus.ESCALATED) throw ClientIssueErrors.alreadyEscalated(issue.title);
      requireOpen(issue);
      await escalate(tx, issue, input.reason.trim(), 'escalateClientIssue', { automatic: false });
      return issue;
    });
  },

  /**
   * Resolves an open issue with a resolution (and, for a RELATIONSHIP issue, a conflict resolution
   * note). A resolution counts as the first response if there was none. Resolving ends the clock,
   * so it never escalates a breach: the breach stays visible as slaStatus BREACHED.
   */
  async resolve(ctx: Context, input: ResolveClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireReadableIssue(tx, input.id);
      await requireResolver(tx, issue, 'resolve');
      requireOpen(issue);
      const note = cleanText(input.conflictResolutionNote) ?? null;
      if (issue.category === ClientIssueCategory.RELATIONSHIP && !note) throw ClientIssueErrors.conflictNoteRequired();
      const before = snapshot(issue);
      const now = new Date();
      const from = issue.status;
      const resolution = input.resolution.trim();
      await transitionStatus(
        tx,
        issue,
        OPEN_ISSUE_STATUSES,
        ClientIssueStatus.RESOLVED,
        {
          resolvedAt: now,
          resolution,
          conflictResolutionNote: note,
          firstResponseAt: issue.firstResponseAt ?? now,
        },
        label(issue),
      );
      await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, {
        fromStatus: from,
        toStatus: ClientIssueStatus.RESOLVED,
        body: resolution,
        at: now,
      });
      await recordAudit(tx, 'resolveClientIssue', issue, diffFields(before, snapshot(issue), AUDITED_FIELDS));
      return issue;
    });
  },

  /** Reopens a RESOLVED issue to IN_PROGRESS with a reason; its resolution is cleared (the timeline keeps it). CLOSED is final. */
  async reopen(ctx: Context, input: ReopenClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      if (issue.status === ClientIssueStatus.CLOSED) throw ClientIssueErrors.closedCannotReopen(issue.title);
      const before = snapshot(issue);
      const reason = input.reason.trim();
      await transitionStatus(
        tx,
        issue,
        [ClientIssueStatus.RESOLVED],
        ClientIssueStatus.IN_PROGRESS,
        { resolvedAt: null, resolution: null, conflictResolutionNote: null },
        label(issue),
      );
      await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, {
        fromStatus: ClientIssueStatus.RESOLVED,
        toStatus: ClientIssueStatus.IN_PROGRESS,
        body: reason,
      });
      await recordAudit(tx, 'reopenClientIssue', issue, {
        ...diffFields(before, snapshot(issue), AUDITED_FIELDS),
        reopenReason: { before: null, after: reason },
      });
      return issue;
    });
  },

  /** Closes a RESOLVED issue for good; the same people who may resolve it. */
  async close(ctx: Context, input: CloseClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireReadableIssue(tx, input.id);
      await requireResolver(tx, issue, 'close');
      await transitionStatus(tx, issue, [ClientIssueStatus.RESOLVED], ClientIssueStatus.CLOSED, {}, label(issue));
      await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, {
        fromStatus: ClientIssueStatus.RESOLVED,
        toStatus: ClientIssueStatus.CLOSED,
        body: cleanText(input.note) ?? null,
      });
      await recordAudit(tx, 'closeClientIssue', issue, {
        status: { before: ClientIssueStatus.RESOLVED, after: ClientIssueStatus.CLOSED },
      });
      return issue;
    });
  },

  /** Adds a comment to the timeline; the issue itself does not change (unless a breach escalates it first). */
  async comment(
    ctx: Context,
    input: CommentOnClientIssueInput,
  ): Promise<{ clientIssue: ClientIssue; event: ClientIssueEvent }> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      await escalateIfBreached(tx, issue);
      const body = input.body.trim();
      const event = await addEvent(tx, issue, ClientIssueEventKind.COMMENT, { body });
      await recordAudit(tx, 'commentOnClientIssue', issue, { comment: { before: null, after: body } });
      return { clientIssue: issue, event };
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
      const qb = tx.em
        .createQueryBuilder(ClientIssue, 'issue')
        .where('issue.status IN (:...escalatable)', { escalatable: ESCALATABLE })
        .andWhere('issue.severity IN (:...breachSeverities)', { breachSeverities: BREACH_ESCALATED })
        .andWhere(breachedSql('issue'), { slaNow: new Date() })
        .orderBy('issue.id', 'ASC')
        .limit(limit + 1);
      tx.scope.restrictByAccountId(qb, 'issue');
      const breached = await qb.getMany();
      const escalated: ClientIssue[] = [];
      if (breached.length === 0) return { escalated, escalatedCount: 0, hasMore: false };
      const director = await itDirector(tx);
      if (!director) throw ClientIssueErrors.noItDirector();
      for (const issue of breached.slice(0, limit)) {
        try {
          await escalate(tx, issue, breachReason(issue), 'escalateBreachedClientIssues', {
            automatic: false,
            director,
          });
          escalated.push(issue);
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return { escalated, escalatedCount: escalated.length, hasMore: breached.length > limit };
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
async function escalate(
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
  const before = snapshot(issue);
  const from = issue.status;
  const now = new Date();
  await transitionStatus(
    tx,
    issue,
    ESCALATABLE,
    ClientIssueStatus.ESCALATED,
    { escalatedAt: now, escalationReason: reason, assigneeId: director.id },
    label(issue),
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
    ...diffFields(before, snapshot(issue), AUDITED_FIELDS),
    ...(options.automatic ? { automatic: { before: null, after: true } } : {}),
  });
}

/**
 * The breach rule: a HIGH or CRITICAL issue still OPEN or IN_PROGRESS whose SLA is BREACHED is
 * escalated by the next write to it, before that write applies (an update of the issue itself is
 * judged after it, on the severity and deadlines it sets). Reads never write, so reading a
 * breached issue does not escalate it; `escalateBreachedClientIssues` catches the untouched ones.
 */
async function escalateIfBreached(tx: Context, issue: ClientIssue): Promise<void> {
  if (!BREACH_ESCALATED.includes(issue.severity) || !ESCALATABLE.includes(issue.status)) return;
  if (!isBreached(issue, new Date())) return;
  await escalate(tx, issue, breachReason(issue), 'escalateClientIssue', { automatic: true });
}

function breachReason(issue: ClientIssue): string {
  const responseLate = issue.firstResponseAt
    ? issue.firstResponseAt > issue.responseDueAt
    : Date.now() > issue.responseDueAt.getTime();
  return responseLate
    ? `SLA breached: the first response to this ${issue.severity} issue was due at ${issue.responseDueAt.toISOString()}.`
    : `SLA breached: the resolution of this ${issue.severity} issue was due at ${issue.resolutionDueAt.toISOString()}.`;
}

async function addEvent(
  tx: Context,
  issue: ClientIssue,
  kind: ClientIssueEventKind,
  fields: {
    body?: string | null;
    fromStatus?: ClientIssueStatus | null;
    toStatus?: ClientIssueStatus | null;
    at?: Date;
  },
): Promise<ClientIssueEvent> {
  const event = stampNew(new ClientIssueEvent());
  Object.assign(event, {
    issueId: issue.id,
    kind,
    actorId: tx.viewer.id,
    body: fields.body ?? null,
    fromStatus: fields.fromStatus ?? null,
    toStatus: fields.toStatus ?? null,
    at: fields.at ?? event.createdAt,
  });
  return tx.em.save(event);
}

/** The timeline entry and, unless you assigned yourself, the assignee's notification. */
async function announceAssignment(tx: Context, issue: ClientIssue, assignee: User): Promise<void> {
  await addEvent(tx, issue, ClientIssueEventKind.ASSIGNMENT, { body: `Assigned to ${assignee.name}.` });
  if (assignee.id === tx.viewer.id) return;
  await notify(tx, {
    recipientId: assignee.id,
    kind: NotificationKind.ISSUE_ASSIGNED,
    subject: issue,
    message: `${tx.viewer.name} assigned you the ${issue.severity} ${issue.category} issue "${issue.title}".`,
  });
}

function requireOpen(issue: ClientIssue): void {
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
async function requireWritableIssue(ctx: Context, globalId: string): Promise<ClientIssue> {
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
async function requireResolver(ctx: Context, issue: ClientIssue, action: 'resolve' | 'close'): Promise<void> {
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
async function requireEligibleAssignee(tx: Context, globalId: string, accountId: number): Promise<User> {
  const user = await tx.loaders.userById.load(decodeGlobalId(globalId, 'User', 'input.assigneeId'));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active) throw ClientIssueErrors.assigneeNotEligible(user.name);
  if (isEscalationDesk(user)) return user;
  const scope = await AccessScope.forViewer(tx.em, user);
  if (!(await scope.canWriteAccount(tx.em, accountId))) throw ClientIssueErrors.assigneeNotEligible(user.name);
  return user;
}
