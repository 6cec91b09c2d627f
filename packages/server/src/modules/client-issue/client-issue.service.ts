import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { decodeGlobalId } from '../../common/global-id';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { requireReadableAccount } from '../account/account.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import {
  requireEligibleAssignee,
  requireOpen,
  requireReadableIssue,
  requireResolver,
  requireWritableIssue,
} from './client-issue.access';
import {
  ClientIssue,
  ClientIssueCategory,
  ClientIssueEvent,
  ClientIssueEventKind,
  ClientIssueSeverity,
  ClientIssueStatus,
  OPEN_ISSUE_STATUSES,
  SEVERITY_RANK,
} from './client-issue.entity';
import { ClientIssueErrors } from './client-issue.errors';
import { isEscalationDesk } from './client-issue.policy';
import { ESCALATABLE, escalateIfBreached, escalateToDirector } from './client-issue-escalation.service';
import { addEvent, announceAssignment, AUDITED_FIELDS, issueLabel, issueSnapshot } from './client-issue-events';
import {
  ClientIssueOrderField,
  MAX_REPORT_DELAY_DAYS,
  type AssignClientIssueInput,
  type ClientIssueFilter,
  type ClientIssueOrder,
  type CloseClientIssueInput,
  type CommentOnClientIssueInput,
  type ReopenClientIssueInput,
  type ReportClientIssueInput,
  type ResolveClientIssueInput,
  type RespondToClientIssueInput,
  type UpdateClientIssueInput,
} from './client-issue.inputs';
import { slaClock, slaStatusSql } from './sla';

const DAY_MS = 86_400_000;
/** How far ahead of the server's clock a report time may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

const SORTS: Record<ClientIssueOrderField, Omit<SortOrder, 'direction'>> = {
  [ClientIssueOrderField.REPORTED_AT]: { key: 'reportedAt', property: 'reportedAt', kind: 'date' },
  [ClientIssueOrderField.SEVERITY]: { key: 'severity', property: 'severityRank', kind: 'number' },
  [ClientIssueOrderField.RESOLUTION_DUE_AT]: { key: 'resolutionDueAt', property: 'resolutionDueAt', kind: 'date' },
  [ClientIssueOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/**
 * Client issues from report to close: their SLA clocks (response and resolution times per severity,
 * as the client services agreement sets them; see sla.ts and config.ts), responses, assignment,
 * resolution and comments.
 * Escalation and the breach sweep are in client-issue-escalation.service.ts.
 */
export const ClientIssueService = {
  /**
   * A page of issues of the accounts the viewer may read; latest reported first when no order is
   * given. The IT Director reads every account (ScopePolicy, common/policy.ts), so reads every issue, hence every
   * ESCALATED or CRITICAL one, in any account.
   */
  /** The client issues the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: ClientIssueFilter | null | undefined): SelectQueryBuilder<ClientIssue> {
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
      const sla = slaStatusSql('issue', filter.slaStatus, new Date());
      qb.andWhere(sla.sql, sla.params);
    }
    whereUpdatedSince(qb, 'issue', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: ClientIssueFilter | null | undefined,
    orderBy: ClientIssueOrder | null | undefined,
  ): Promise<Connection<ClientIssue>> {
    const order: SortOrder = orderBy
      ? { ...SORTS[orderBy.field], direction: orderBy.direction }
      : { ...SORTS[ClientIssueOrderField.REPORTED_AT], direction: OrderDirection.DESC };
    const qb = this.query(ctx, filter);
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
      await recordAudit(tx, 'reportClientIssue', saved, diffFields(undefined, issueSnapshot(saved), AUDITED_FIELDS));
      if (assignee) await announceAssignment(tx, saved, assignee);
      if (saved.severity === ClientIssueSeverity.CRITICAL && saved.category === ClientIssueCategory.TECHNICAL) {
        await escalateToDirector(
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
      const before = issueSnapshot(issue);
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
      const changes = diffFields(before, issueSnapshot(issue), AUDITED_FIELDS);
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
        await escalateToDirector(
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
      checkExpectedVersion(issue, input.expectedVersion);
      requireOpen(issue);
      if (issue.firstResponseAt) throw ClientIssueErrors.alreadyResponded(issue.title, issue.firstResponseAt);
      await escalateIfBreached(tx, issue);
      const now = new Date();
      const from = issue.status;
      const to = from === ClientIssueStatus.OPEN ? ClientIssueStatus.IN_PROGRESS : from;
      await transitionStatus(tx, issue, [from], to, { firstResponseAt: now }, issueLabel(issue));
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
   * Resolves an open issue with a resolution (and, for a RELATIONSHIP issue, a conflict resolution
   * note). A resolution counts as the first response if there was none. Resolving ends the clock,
   * so it never escalates a breach: the breach stays visible as slaStatus BREACHED.
   */
  async resolve(ctx: Context, input: ResolveClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireReadableIssue(tx, input.id);
      await requireResolver(tx, issue, 'resolve');
      checkExpectedVersion(issue, input.expectedVersion);
      requireOpen(issue);
      const note = cleanText(input.conflictResolutionNote) ?? null;
      if (issue.category === ClientIssueCategory.RELATIONSHIP && !note) throw ClientIssueErrors.conflictNoteRequired();
      const before = issueSnapshot(issue);
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
        issueLabel(issue),
      );
      await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, {
        fromStatus: from,
        toStatus: ClientIssueStatus.RESOLVED,
        body: resolution,
        at: now,
      });
      await recordAudit(tx, 'resolveClientIssue', issue, diffFields(before, issueSnapshot(issue), AUDITED_FIELDS));
      return issue;
    });
  },

  /** Reopens a RESOLVED issue to IN_PROGRESS with a reason; its resolution is cleared (the timeline keeps it). CLOSED is final. */
  async reopen(ctx: Context, input: ReopenClientIssueInput): Promise<ClientIssue> {
    return inTransaction(ctx, async (tx) => {
      const issue = await requireWritableIssue(tx, input.id);
      checkExpectedVersion(issue, input.expectedVersion);
      if (issue.status === ClientIssueStatus.CLOSED) throw ClientIssueErrors.closedCannotReopen(issue.title);
      const before = issueSnapshot(issue);
      const reason = input.reason.trim();
      await transitionStatus(
        tx,
        issue,
        [ClientIssueStatus.RESOLVED],
        ClientIssueStatus.IN_PROGRESS,
        { resolvedAt: null, resolution: null, conflictResolutionNote: null },
        issueLabel(issue),
      );
      await addEvent(tx, issue, ClientIssueEventKind.STATUS_CHANGE, {
        fromStatus: ClientIssueStatus.RESOLVED,
        toStatus: ClientIssueStatus.IN_PROGRESS,
        body: reason,
      });
      await recordAudit(tx, 'reopenClientIssue', issue, {
        ...diffFields(before, issueSnapshot(issue), AUDITED_FIELDS),
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
      checkExpectedVersion(issue, input.expectedVersion);
      await transitionStatus(tx, issue, [ClientIssueStatus.RESOLVED], ClientIssueStatus.CLOSED, {}, issueLabel(issue));
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
      checkExpectedVersion(issue, input.expectedVersion);
      await escalateIfBreached(tx, issue);
      const body = input.body.trim();
      const event = await addEvent(tx, issue, ClientIssueEventKind.COMMENT, { body });
      await recordAudit(tx, 'commentOnClientIssue', issue, { comment: { before: null, after: body } });
      return { clientIssue: issue, event };
    });
  },
};
