import type { Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { snapshot } from '../audit/audit.service';
import { notify, NotificationKind } from '../notification/notification.service';
import type { User } from '../user/user.entity';
import {
  ClientIssueEvent,
  ClientIssueEventKind,
  type ClientIssue,
  type ClientIssueStatus,
} from './client-issue.entity';

/** What an issue's history keeps: its timeline entries (events) and the fields its audit events diff. */

export const AUDITED_FIELDS = [
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

/** The audited fields of an issue as they are now. */
export function issueSnapshot(issue: ClientIssue): Record<string, unknown> {
  return snapshot(issue, AUDITED_FIELDS);
}

/** How messages name an issue. */
export function issueLabel(issue: ClientIssue): string {
  return `client issue "${issue.title}"`;
}

export async function addEvent(
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
export async function announceAssignment(tx: Context, issue: ClientIssue, assignee: User): Promise<void> {
  await addEvent(tx, issue, ClientIssueEventKind.ASSIGNMENT, { body: `Assigned to ${assignee.name}.` });
  if (assignee.id === tx.viewer.id) return;
  await notify(tx, {
    recipientId: assignee.id,
    kind: NotificationKind.ISSUE_ASSIGNED,
    subject: issue,
    message: `${tx.viewer.name} assigned you the ${issue.severity} ${issue.category} issue "${issue.title}".`,
  });
}
