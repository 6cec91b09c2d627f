import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { Account } from '../../modules/account/account.entity';
import {
  ClientIssue,
  ClientIssueCategory,
  ClientIssueEvent,
  ClientIssueEventKind,
  ClientIssueSeverity,
  ClientIssueStatus,
  SEVERITY_RANK,
} from '../../modules/client-issue/client-issue.entity';
import { DEFAULT_SLA_POLICY } from '../../config/sla-terms';
import { slaClock } from '../../modules/client-issue/sla';
import { Contact } from '../../modules/contact/contact.entity';
import { NotificationKind } from '../../modules/notification/notification.entity';
import {
  writeNotification,
  type NotificationInput,
  type NotificationTimes,
} from '../../modules/notification/notification.service';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';

/** About this many issues over the last twelve months. */
const TARGET_ISSUES = 600;
const CHUNK = 300;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Row<T> = QueryDeepPartialEntity<T>;

export const SEVERITIES: [ClientIssueSeverity, number][] = [
  [ClientIssueSeverity.CRITICAL, 0.06],
  [ClientIssueSeverity.HIGH, 0.2],
  [ClientIssueSeverity.MEDIUM, 0.44],
  [ClientIssueSeverity.LOW, 0.3],
];
export const CATEGORIES: [ClientIssueCategory, number][] = [
  [ClientIssueCategory.TECHNICAL, 0.45],
  [ClientIssueCategory.DELIVERY, 0.25],
  [ClientIssueCategory.BILLING, 0.18],
  [ClientIssueCategory.RELATIONSHIP, 0.12],
];

export const TITLES: Record<ClientIssueCategory, string[]> = {
  TECHNICAL: [
    'Provider directory API returning 502s',
    'Eligibility file load failed overnight',
    'Member portal login loop on Safari',
    'Claims feed missing adjudication dates',
    'Price transparency files not published',
    'SSO certificate expired for the care team',
    'Duplicate members after the 834 import',
    'Search results slow for large networks',
    'HL7 interface dropping lab results',
    'Dashboard totals disagree with the claims extract',
  ],
  DELIVERY: [
    'Go-live date at risk for the provider portal',
    'Data migration sprint slipped two weeks',
    'Training sessions not scheduled for call centre staff',
    'Acceptance testing blocked on test data',
    'Implementation plan missing integration milestones',
    'Change request not reflected in the release',
  ],
  BILLING: [
    'Invoice total does not match the signed SOW',
    'Duplicate invoice for the March platform fee',
    'Purchase order number missing on invoices',
    'Credit for the outage not applied',
    'Per-member rate applied to the wrong tier',
  ],
  RELATIONSHIP: [
    'Sponsor unhappy with escalation response times',
    'Complaint about account team turnover',
    'Client disputes the renewal uplift',
    'Executive sponsor requests a new account manager',
    'Concerns raised at the quarterly business review',
  ],
};

export const RESOLUTIONS: Record<ClientIssueCategory, string[]> = {
  TECHNICAL: [
    'Patched and redeployed; monitoring added.',
    'Reprocessed the file and backfilled the gap.',
    "Configuration corrected with the client's IT team.",
    'Root cause fixed in the integration; post-incident review shared.',
  ],
  DELIVERY: [
    'Revised plan agreed with the sponsor.',
    'Extra engineer added; milestone recovered.',
    'Sessions scheduled and delivered.',
  ],
  BILLING: [
    'Corrected invoice issued.',
    'Credit note applied to the next invoice.',
    'Duplicate voided and the client informed.',
  ],
  RELATIONSHIP: [
    'Met the sponsor; agreed a monthly executive check-in.',
    'Account plan reset with named escalation contacts.',
  ],
};

const CONFLICT_NOTES = [
  'Sponsor accepted the service credit and a revised escalation path.',
  'Agreed to keep the account team in place through renewal with a senior sponsor on our side.',
  'Uplift reduced to CPI in exchange for a two-year term.',
];

const COMMENTS = [
  'Called the client to confirm the impact.',
  "Waiting on logs from the client's IT contact.",
  'Workaround shared; fix scheduled.',
  'Discussed on the weekly status call.',
  'Engineering has reproduced it.',
];

export function weighted<T>(items: [T, number][], random: () => number): T {
  let roll = random();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

async function insertChunks<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}

async function maxId(em: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await em
    .createQueryBuilder(entity, 't')
    .select('MAX(t.id)', 'max')
    .getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0);
}

/**
 * About 600 client issues over the twelve months before `now`, on the SLA defaults (DEFAULT_SLA_POLICY):
 * most answered and resolved within SLA and then closed, some late (BREACHED), the recent ones still
 * open, at risk or breached, CRITICAL TECHNICAL ones escalated on report and most breached HIGH or
 * CRITICAL ones escalated (a few left for `escalateBreachedClientIssues`), each with its timeline and
 * the IT Director's notifications. Issues and timelines are bulk inserts in chunks with explicit ids;
 * the notifications go through the notification service's writer, each with its outbox event.
 * Deterministic for a given `random` and `now`. Returns the number of issues written.
 */
export async function seedClientIssues(em: EntityManager, random: () => number, now = new Date()): Promise<number> {
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const accounts = await em.find(Account, { order: { id: 'ASC' } });
  const users = await em.find(User, { order: { id: 'ASC' } });
  const active = users.filter((u) => u.active);
  const director = active.find((u) => u.role === Role.IT_DIRECTOR) ?? null;
  const workers = active.filter(
    (u) => u.role === Role.ACCOUNT_MANAGER || u.role === Role.SENIOR_ACCOUNT_MANAGER || u.role === Role.PROJECT_MEMBER,
  );
  if (accounts.length === 0 || workers.length === 0) return 0;
  const contacts = await em.find(Contact, { order: { id: 'ASC' } });
  const contactsByAccount = new Map<number, Contact[]>();
  for (const contact of contacts)
    contactsByAccount.set(contact.accountId, [...(contactsByAccount.get(contact.accountId) ?? []), contact]);

  let issueId = await maxId(em, ClientIssue);
  let eventId = await maxId(em, ClientIssueEvent);
  const issues: Row<ClientIssue>[] = [];
  const events: Row<ClientIssueEvent>[] = [];
  const notifications: { input: NotificationInput; times: NotificationTimes }[] = [];
  const nowMs = now.getTime();

  for (let n = 0; n < TARGET_ISSUES; n++) {
    const account = pick(accounts);
    const severity = weighted(SEVERITIES, random);
    const category = weighted(CATEGORIES, random);
    // Spread over 365 days, during the working day (13:00-23:00 UTC is 8-6 across US time zones).
    const reportedAt = new Date(
      Math.floor((nowMs - 365 * DAY_MS + random() * 365 * DAY_MS) / DAY_MS) * DAY_MS + (13 + random() * 10) * HOUR_MS,
    );
    if (reportedAt.getTime() > nowMs) continue;
    const clock = slaClock(reportedAt, DEFAULT_SLA_POLICY[severity]);
    const responseWindow = clock.responseDueAt.getTime() - reportedAt.getTime();
    const resolutionWindow = clock.resolutionDueAt.getTime() - reportedAt.getTime();
    const owner = account.ownerId ? users.find((u) => u.id === account.ownerId && u.active) : undefined;
    const worker = owner && chance(0.6) ? owner : pick(workers);
    const accountContacts = contactsByAccount.get(account.id) ?? [];
    const contact = accountContacts.length > 0 && chance(0.8) ? pick(accountContacts) : null;
    const id = ++issueId;
    const title = pick(TITLES[category]);

    // When each thing happens, if it has happened by now.
    const respondedLate = chance(0.1);
    const responseAt = new Date(
      reportedAt.getTime() +
        (respondedLate ? responseWindow * (1.1 + random()) : responseWindow * (0.1 + random() * 0.8)),
    );
    const resolvedLate = chance(0.12);
    const resolveAt = new Date(
      reportedAt.getTime() +
        (resolvedLate ? resolutionWindow * (1.05 + random() * 0.8) : resolutionWindow * (0.2 + random() * 0.75)),
    );
    const stuck = chance(0.04); // still open long after its deadline
    const firstResponseAt = responseAt.getTime() <= nowMs ? responseAt : null;
    const resolvedAt = !stuck && resolveAt.getTime() <= nowMs ? resolveAt : null;
    const closedAt =
      resolvedAt && resolvedAt.getTime() + 14 * DAY_MS <= nowMs && chance(0.75)
        ? new Date(resolvedAt.getTime() + (2 + random() * 12) * DAY_MS)
        : null;

    const criticalTechnical = severity === ClientIssueSeverity.CRITICAL && category === ClientIssueCategory.TECHNICAL;
    const breachAt = [
      (firstResponseAt ?? new Date(nowMs + 1)).getTime() > clock.responseDueAt.getTime()
        ? clock.responseDueAt.getTime()
        : null,
      (resolvedAt ?? new Date(nowMs + 1)).getTime() > clock.resolutionDueAt.getTime()
        ? clock.resolutionDueAt.getTime()
        : null,
    ].filter((t): t is number => t !== null && t <= nowMs)[0];
    const escalateOnBreach =
      (severity === ClientIssueSeverity.HIGH || severity === ClientIssueSeverity.CRITICAL) &&
      breachAt !== undefined &&
      chance(0.85);
    const manualEscalation = !criticalTechnical && !escalateOnBreach && chance(0.03) && firstResponseAt !== null;
    let escalatedAt: Date | null = null;
    let escalationReason: string | null = null;
    if (director && criticalTechnical) {
      escalatedAt = reportedAt;
      escalationReason = 'CRITICAL TECHNICAL issue: escalated to the IT Director on report.';
    } else if (director && escalateOnBreach) {
      escalatedAt = new Date(breachAt + random() * 2 * HOUR_MS);
      escalationReason =
        `SLA breached: the ${breachAt === clock.responseDueAt.getTime() ? 'first response' : 'resolution'} ` +
        `of this ${severity} issue was due at ${new Date(breachAt).toISOString()}.`;
    } else if (director && manualEscalation) {
      escalatedAt = new Date(firstResponseAt.getTime() + random() * HOUR_MS);
      escalationReason = "Client asked for the IT Director's involvement.";
    }
    if (escalatedAt && (escalatedAt.getTime() > nowMs || (resolvedAt && escalatedAt > resolvedAt))) {
      escalatedAt = null;
      escalationReason = null;
    }

    const status = closedAt
      ? ClientIssueStatus.CLOSED
      : resolvedAt
        ? ClientIssueStatus.RESOLVED
        : escalatedAt
          ? ClientIssueStatus.ESCALATED
          : firstResponseAt
            ? ClientIssueStatus.IN_PROGRESS
            : ClientIssueStatus.OPEN;
    const assigneeId = escalatedAt ? director!.id : chance(0.9) ? worker.id : null;
    const resolution = resolvedAt ? pick(RESOLUTIONS[category]) : null;
    const updatedAt = closedAt ?? resolvedAt ?? escalatedAt ?? firstResponseAt ?? reportedAt;
    let version = 1;

    const event = (
      kind: ClientIssueEventKind,
      at: Date,
      actorId: number,
      fields: Partial<Row<ClientIssueEvent>> = {},
    ) => {
      events.push({
        id: ++eventId,
        issueId: id,
        kind,
        actorId,
        at,
        body: null,
        fromStatus: null,
        toStatus: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...fields,
      });
    };
    event(ClientIssueEventKind.STATUS_CHANGE, reportedAt, worker.id, { toStatus: ClientIssueStatus.OPEN });
    let current = ClientIssueStatus.OPEN;
    const timeline: { at: Date; run: () => void }[] = [];
    if (assigneeId && assigneeId !== director?.id)
      timeline.push({
        at: new Date(reportedAt.getTime() + 60_000),
        run: () =>
          event(ClientIssueEventKind.ASSIGNMENT, new Date(reportedAt.getTime() + 60_000), worker.id, {
            body: `Assigned to ${worker.name}.`,
          }),
      });
    if (firstResponseAt) {
      timeline.push({
        at: firstResponseAt,
        run: () => {
          event(ClientIssueEventKind.RESPONSE, firstResponseAt, worker.id, {
            body: 'Acknowledged; we are looking into it and will update you shortly.',
          });
          if (current === ClientIssueStatus.OPEN) {
            event(ClientIssueEventKind.STATUS_CHANGE, firstResponseAt, worker.id, {
              fromStatus: ClientIssueStatus.OPEN,
              toStatus: ClientIssueStatus.IN_PROGRESS,
            });
            current = ClientIssueStatus.IN_PROGRESS;
          }
          version++;
        },
      });
    }
    if (escalatedAt) {
      const at = escalatedAt;
      timeline.push({
        at,
        run: () => {
          event(ClientIssueEventKind.ESCALATION, at, worker.id, {
            body: escalationReason,
            fromStatus: current,
            toStatus: ClientIssueStatus.ESCALATED,
          });
          current = ClientIssueStatus.ESCALATED;
          version++;
          notifications.push({
            input: {
              recipientId: director!.id,
              kind: NotificationKind.ISSUE_ESCALATED,
              subject: Object.assign(new ClientIssue(), { id }),
              message: `${severity} ${category} issue "${title}" at ${account.name} was escalated to you: ${escalationReason}`,
            },
            times: {
              at,
              readAt: at.getTime() + 7 * DAY_MS < nowMs ? new Date(at.getTime() + random() * DAY_MS) : null,
            },
          });
        },
      });
    }
    const firstComment = firstResponseAt ?? reportedAt;
    for (let c = Math.floor(random() * 3); c > 0; c--) {
      const at = new Date(
        firstComment.getTime() +
          random() * Math.max(HOUR_MS, ((resolvedAt ?? now).getTime() - firstComment.getTime()) * 0.9),
      );
      timeline.push({ at, run: () => event(ClientIssueEventKind.COMMENT, at, worker.id, { body: pick(COMMENTS) }) });
    }
    if (resolvedAt) {
      timeline.push({
        at: resolvedAt,
        run: () => {
          event(ClientIssueEventKind.STATUS_CHANGE, resolvedAt, assigneeId ?? worker.id, {
            fromStatus: current,
            toStatus: ClientIssueStatus.RESOLVED,
            body: resolution,
          });
          current = ClientIssueStatus.RESOLVED;
          version++;
        },
      });
    }
    if (closedAt)
      timeline.push({
        at: closedAt,
        run: () => {
          event(ClientIssueEventKind.STATUS_CHANGE, closedAt, worker.id, {
            fromStatus: ClientIssueStatus.RESOLVED,
            toStatus: ClientIssueStatus.CLOSED,
          });
          version++;
        },
      });
    timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of timeline) step.run();

    issues.push({
      id,
      accountId: account.id,
      projectId: null,
      title,
      description: `${title}. Reported by ${contact ? contact.name : worker.name} for ${account.name}.`,
      severity,
      severityRank: SEVERITY_RANK[severity],
      category,
      status,
      reportedByContactId: contact?.id ?? null,
      reportedByUserId: contact ? null : worker.id,
      assigneeId,
      createdById: worker.id,
      reportedAt,
      ...clock,
      firstResponseAt: firstResponseAt ?? (resolvedAt ? resolvedAt : null),
      resolvedAt,
      resolution,
      conflictResolutionNote: resolvedAt && category === ClientIssueCategory.RELATIONSHIP ? pick(CONFLICT_NOTES) : null,
      escalatedAt,
      escalationReason,
      createdAt: reportedAt,
      updatedAt,
      version,
    });
  }

  await insertChunks(em, ClientIssue, issues);
  await insertChunks(em, ClientIssueEvent, events);
  // One by one through the notification service's writer, so each has its outbox event as through the API.
  for (const { input, times } of notifications) await writeNotification(em, input, times);
  return issues.length;
}
