import type { AccountGraphClient, ReportClientIssueInput } from '@account-graph/sdk';
import { seedClientIssues } from '../src/db/seed/client-issues-seed';
import { DEFAULT_SLA_POLICY } from '../src/config/sla-terms';
import { ClientIssueSeverity, slaClock } from '../src/modules/client-issue/sla';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';

/** Client issues through the SDK: SLA clocks, escalation and its notifications, who may do what, transitions, reads. */
let server: TestServer;
let jordan: AccountGraphClient;
let marcus: AccountGraphClient;
let taylor: AccountGraphClient;
let vp: AccountGraphClient;
let itdir: AccountGraphClient;
let robin: AccountGraphClient;
let casey: AccountGraphClient;
let bi: AccountGraphClient;
let staff: Record<string, string>;
let accountId: string;
let contactId: string;
let otherContactId: string;

const HOUR = 3_600_000;
const DAY = 86_400_000;
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
/** A Date as both dialects accept it in a raw statement. */
const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number | string }>(query, params);
  return Number(row.n);
}

async function report(overrides: Partial<ReportClientIssueInput> = {}, by = jordan) {
  const input: ReportClientIssueInput = {
    accountId,
    title: 'Eligibility file load failed',
    description: 'The nightly 834 load stopped at 02:00.',
    severity: 'MEDIUM',
    category: 'DELIVERY',
    ...overrides,
  };
  return (await by.reportClientIssue({ input })).reportClientIssue.clientIssue;
}

/** Moves an issue's clock as if it had been reported at `reportedAt` (time passing, without waiting). */
async function reportedAgo(issueId: string, ms: number, severity: `${ClientIssueSeverity}`): Promise<void> {
  const reportedAt = new Date(Date.now() - ms);
  const clock = slaClock(reportedAt, DEFAULT_SLA_POLICY[severity as ClientIssueSeverity]);
  await sql(
    'UPDATE client_issue SET reportedAt = ?, responseDueAt = ?, resolutionDueAt = ?, responseAtRiskAt = ?, resolutionAtRiskAt = ? WHERE id = ?',
    [
      sqlTime(reportedAt),
      sqlTime(clock.responseDueAt),
      sqlTime(clock.resolutionDueAt),
      sqlTime(clock.responseAtRiskAt),
      sqlTime(clock.resolutionAtRiskAt),
      rowId(issueId),
    ],
  );
}

function notificationsFor(issueId: string) {
  return sql<{ recipientId: number; kind: string; subjectType: string; subjectId: string }>(
    'SELECT recipientId, kind, subjectType, subjectId FROM notification WHERE subjectId = ? ORDER BY id',
    [issueId],
  ).then((rows) => rows.map((r) => ({ ...r, recipientId: Number(r.recipientId) })));
}

/** The most recent weekday `day` (0 Sunday … 6 Saturday) at `hour` UTC, at least a day ago. */
function lastWeekday(day: number, hour: number): Date {
  const date = new Date(Date.now() - DAY);
  date.setUTCHours(hour, 0, 0, 0);
  while (date.getUTCDay() !== day) date.setTime(date.getTime() - DAY);
  return date;
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, marcus, taylor, vp, itdir, robin, casey, bi] = await Promise.all(
    (
      ['jordan', 'marcus', 'taylor', Role.EXECUTIVE, Role.IT_DIRECTOR, Role.FINANCE, 'casey', Role.BI_READER] as const
    ).map((who) => server.client(who)),
  );
  staff = await server.staffIds();
  // Jordan's account with neither finance, the IT director, Casey, Taylor nor a project member on its team.
  const [row] = await sql<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example')
       AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
                       WHERE t.accountId = a.id
                         AND (u.role IN ('FINANCE', 'IT_DIRECTOR', 'PROJECT_MEMBER') OR u.email LIKE 'casey.%' OR u.email LIKE 'taylor.%'))
     ORDER BY a.id LIMIT 1`,
  );
  accountId = Buffer.from(`Account:${row.id}`).toString('base64');
  await vp.addAccountTeamMember({ input: { accountId, userId: staff.taylor, teamRole: 'BACKUP_ACCOUNT_MANAGER' } });
  const [contact] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId = ? ORDER BY id LIMIT 1', [
    row.id,
  ]);
  const [other] = await sql<{ id: number }>('SELECT id FROM contact WHERE accountId <> ? ORDER BY id LIMIT 1', [
    row.id,
  ]);
  contactId = Buffer.from(`Contact:${contact.id}`).toString('base64');
  otherContactId = Buffer.from(`Contact:${other.id}`).toString('base64');
});

afterAll(async () => {
  await server.close();
});

describe('SLA clocks', () => {
  it('stores the response and resolution deadlines of each severity from reportedAt', async () => {
    for (const [severity, response, resolution] of [
      ['CRITICAL', 1 * HOUR, 24 * HOUR],
      ['HIGH', 4 * HOUR, 3 * DAY],
    ] as const) {
      const issue = await report({ severity, category: 'BILLING' });
      const reported = Date.parse(issue.reportedAt);
      expect([Date.parse(issue.responseDueAt) - reported, Date.parse(issue.resolutionDueAt) - reported]).toEqual([
        response,
        resolution,
      ]);
      expect(issue).toMatchObject({
        status: 'OPEN',
        slaStatus: 'ON_TRACK',
        reportedByUser: { name: 'Jordan Kim' },
        reportedByContact: null,
      });
    }
  });

  it('counts business days for MEDIUM and LOW, skipping the weekend (UTC)', async () => {
    const friday = lastWeekday(5, 15);
    const medium = await report({
      severity: 'MEDIUM',
      reportedAt: friday.toISOString(),
      reportedByContactId: contactId,
    });
    // Friday 15:00 plus one business day is Monday 15:00; resolution is 10 calendar days.
    expect(medium.responseDueAt).toBe(new Date(friday.getTime() + 3 * DAY).toISOString());
    expect(medium.resolutionDueAt).toBe(new Date(friday.getTime() + 10 * DAY).toISOString());
    expect(medium.reportedByContact).toMatchObject({ id: contactId });
    expect(medium.reportedByUser).toBeNull();
    const saturday = lastWeekday(6, 10);
    const low = await report({ severity: 'LOW', reportedAt: saturday.toISOString() });
    // Reported on a Saturday: the clock starts Monday 00:00, so three business days end Thursday 00:00.
    const monday = Date.UTC(saturday.getUTCFullYear(), saturday.getUTCMonth(), saturday.getUTCDate()) + 2 * DAY;
    expect(low.responseDueAt).toBe(new Date(monday + 3 * DAY).toISOString());
    expect(low.resolutionDueAt).toBe(new Date(saturday.getTime() + 30 * DAY).toISOString());
  });

  it('recomputes both deadlines from reportedAt when the severity changes', async () => {
    const friday = lastWeekday(5, 15);
    const issue = await report({ severity: 'MEDIUM', reportedAt: friday.toISOString() });
    const { clientIssue } = (
      await jordan.updateClientIssue({
        input: { id: issue.id, expectedVersion: issue.version, severity: 'LOW', title: 'Renamed' },
      })
    ).updateClientIssue;
    const expected = slaClock(friday, DEFAULT_SLA_POLICY.LOW);
    expect(clientIssue).toMatchObject({
      severity: 'LOW',
      title: 'Renamed',
      reportedAt: friday.toISOString(),
      responseDueAt: expected.responseDueAt.toISOString(),
      resolutionDueAt: expected.resolutionDueAt.toISOString(),
      version: 2,
    });
    await expectError(
      jordan.updateClientIssue({ input: { id: issue.id, expectedVersion: 1, severity: 'HIGH' } }),
      'CONFLICT',
    );
  });
});

describe('escalation to the IT Director', () => {
  it('escalates a CRITICAL TECHNICAL issue on report and notifies the IT Director in the same transaction', async () => {
    const issue = await report({ severity: 'CRITICAL', category: 'TECHNICAL', title: 'Provider directory API down' });
    expect(issue).toMatchObject({
      status: 'ESCALATED',
      assignee: { id: staff.alex, role: 'IT_DIRECTOR' },
      escalatedAt: expect.any(String),
      escalationReason: expect.stringMatching(/CRITICAL TECHNICAL/),
    });
    expect(await notificationsFor(issue.id)).toEqual([
      { recipientId: rowId(staff.alex), kind: 'ISSUE_ESCALATED', subjectType: 'ClientIssue', subjectId: issue.id },
    ]);
    expect(
      await count('SELECT COUNT(*) AS n FROM outbox_event WHERE topic = ?', ['notification.issue_escalated']),
    ).toBeGreaterThan(0);
    const { clientIssue } = await jordan.clientIssue({ id: issue.id });
    expect(clientIssue!.timeline.edges.map((e) => [e.node.kind, e.node.fromStatus, e.node.toStatus])).toEqual([
      ['STATUS_CHANGE', null, 'OPEN'],
      ['ESCALATION', 'OPEN', 'ESCALATED'],
    ]);
  });

  it('escalates by hand with a reason, once, notifying the IT Director; failed escalations notify nobody', async () => {
    const issue = await report({ severity: 'HIGH', category: 'TECHNICAL' });
    await expectError(jordan.escalateClientIssue({ input: { id: issue.id, reason: '   ' } }), 'BAD_USER_INPUT');
    await expectError(bi.escalateClientIssue({ input: { id: issue.id, reason: 'Dashboards say so' } }), 'FORBIDDEN');
    await expectError(
      robin.escalateClientIssue({ input: { id: issue.id, reason: 'Finance reads but does not write here' } }),
      'FORBIDDEN',
    );
    await expectError(casey.escalateClientIssue({ input: { id: issue.id, reason: 'Not my account' } }), 'NOT_FOUND');
    expect(await notificationsFor(issue.id)).toEqual([]);
    const { clientIssue } = (
      await jordan.escalateClientIssue({ input: { id: issue.id, reason: 'Client CIO called the CEO' } })
    ).escalateClientIssue;
    expect(clientIssue).toMatchObject({
      status: 'ESCALATED',
      escalationReason: 'Client CIO called the CEO',
      assignee: { id: staff.alex },
    });
    const again = await expectError(
      jordan.escalateClientIssue({ input: { id: issue.id, reason: 'Again' } }),
      'CONFLICT',
    );
    expect(again.message).toMatch(/already ESCALATED/);
    expect(await notificationsFor(issue.id)).toEqual([
      { recipientId: rowId(staff.alex), kind: 'ISSUE_ESCALATED', subjectType: 'ClientIssue', subjectId: issue.id },
    ]);
  });

  it('lets one of several concurrent escalations through, with one notification', async () => {
    const issue = await report({ severity: 'HIGH', category: 'DELIVERY' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        (i % 2 ? marcus : jordan).escalateClientIssue({ input: { id: issue.id, reason: `Escalation ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(Array(4).fill('CONFLICT'));
    expect(await notificationsFor(issue.id)).toHaveLength(1);
    expect(
      await count("SELECT COUNT(*) AS n FROM client_issue_event WHERE issueId = ? AND kind = 'ESCALATION'", [
        rowId(issue.id),
      ]),
    ).toBe(1);
  });

  it('shows the IT Director escalated and CRITICAL issues on accounts whose team they are not on, and lets them work those', async () => {
    const issue = await report({ severity: 'CRITICAL', category: 'TECHNICAL', title: 'Claims feed down' });
    const listed = await itdir.clientIssues({ first: 100, filter: { accountId, escalated: true } });
    expect(listed.clientIssues.edges.map((e) => e.node.id)).toContain(issue.id);
    expect((await itdir.clientIssue({ id: issue.id })).clientIssue).toMatchObject({ id: issue.id });
    await itdir.commentOnClientIssue({ input: { id: issue.id, body: 'On it with the integration team.' } });
    const quiet = await report({ severity: 'LOW', category: 'BILLING' });
    await expectError(itdir.commentOnClientIssue({ input: { id: quiet.id, body: 'Not mine' } }), 'FORBIDDEN');
    await expectError(itdir.resolveClientIssue({ input: { id: quiet.id, resolution: 'Not mine' } }), 'FORBIDDEN');
    const { clientIssue } = (
      await itdir.resolveClientIssue({ input: { id: issue.id, resolution: 'Failover restored the feed.' } })
    ).resolveClientIssue;
    expect(clientIssue).toMatchObject({ status: 'RESOLVED', firstResponseAt: clientIssue.resolvedAt });
  });
});

describe('breached HIGH and CRITICAL issues', () => {
  it('are not escalated by reads, but by the sweep, which only admins, executives and the IT Director may run', async () => {
    const issue = await report({ severity: 'HIGH', category: 'DELIVERY', title: 'Go-live date at risk' });
    await reportedAgo(issue.id, 5 * HOUR, 'HIGH');
    const { clientIssue: read } = await jordan.clientIssue({ id: issue.id });
    expect(read).toMatchObject({ status: 'OPEN', slaStatus: 'BREACHED', escalatedAt: null });
    const breached = await jordan.clientIssues({
      first: 100,
      filter: { accountId, slaStatus: ['BREACHED'], status: ['OPEN'] },
    });
    expect(breached.clientIssues.edges.map((e) => e.node.id)).toContain(issue.id);
    expect(await notificationsFor(issue.id)).toEqual([]);

    await expectError(jordan.escalateBreachedClientIssues({ input: {} }), 'FORBIDDEN');
    await expectError(bi.escalateBreachedClientIssues({ input: {} }), 'FORBIDDEN');
    const { escalateBreachedClientIssues: swept } = await itdir.escalateBreachedClientIssues({ input: {} });
    expect(swept.escalated.map((i) => i.id)).toContain(issue.id);
    expect(swept).toMatchObject({ escalatedCount: swept.escalated.length, hasMore: false });
    expect(swept.escalated.find((i) => i.id === issue.id)).toMatchObject({
      status: 'ESCALATED',
      assignee: { id: staff.alex },
      escalationReason: expect.stringMatching(/^SLA breached: the first response/),
    });
    expect(await notificationsFor(issue.id)).toEqual([
      { recipientId: rowId(staff.alex), kind: 'ISSUE_ESCALATED', subjectType: 'ClientIssue', subjectId: issue.id },
    ]);
    const again = await vp.escalateBreachedClientIssues({ input: {} });
    expect(again.escalateBreachedClientIssues.escalated.map((i) => i.id)).not.toContain(issue.id);
  });

  it('are escalated by the next write, before it applies; a LOW breach is not', async () => {
    const high = await report({ severity: 'HIGH', category: 'BILLING' });
    await reportedAgo(high.id, 5 * HOUR, 'HIGH');
    const { clientIssue } = (
      await jordan.respondToClientIssue({ input: { id: high.id, message: 'Sorry for the delay; on it now.' } })
    ).respondToClientIssue;
    expect(clientIssue).toMatchObject({
      status: 'ESCALATED',
      firstResponseAt: expect.any(String),
      slaStatus: 'BREACHED',
      assignee: { id: staff.alex },
    });
    expect(await notificationsFor(high.id)).toHaveLength(1);

    const low = await report({ severity: 'LOW', category: 'BILLING' });
    await reportedAgo(low.id, 10 * DAY, 'LOW');
    const { commentOnClientIssue } = await jordan.commentOnClientIssue({
      input: { id: low.id, body: 'Chasing the client for the PO.' },
    });
    expect(commentOnClientIssue.clientIssue.status).toBe('OPEN');
    expect(await notificationsFor(low.id)).toEqual([]);
  });

  it('are judged on a raised severity: a 5-hour-old MEDIUM issue raised to HIGH is past its 4-hour response and escalates', async () => {
    const issue = await report({ severity: 'MEDIUM', category: 'DELIVERY', title: 'Claims backlog growing' });
    await reportedAgo(issue.id, 5 * HOUR, 'MEDIUM');
    const { clientIssue: before } = await jordan.clientIssue({ id: issue.id });
    expect(before).toMatchObject({ status: 'OPEN', slaStatus: 'ON_TRACK' });

    const { clientIssue } = (
      await jordan.updateClientIssue({ input: { id: issue.id, expectedVersion: issue.version, severity: 'HIGH' } })
    ).updateClientIssue;
    const responseDueAt = new Date(Date.parse(before!.reportedAt) + 4 * HOUR).toISOString();
    expect(clientIssue).toMatchObject({
      severity: 'HIGH',
      responseDueAt,
      status: 'ESCALATED',
      slaStatus: 'BREACHED',
      assignee: { id: staff.alex },
      escalationReason: `SLA breached: the first response to this HIGH issue was due at ${responseDueAt}.`,
    });
    // Escalated in the same transaction as the update: the IT Director is told, once.
    expect(await notificationsFor(issue.id)).toEqual([
      { recipientId: rowId(staff.alex), kind: 'ISSUE_ESCALATED', subjectType: 'ClientIssue', subjectId: issue.id },
    ]);
    const { auditEvents } = await vp.auditEvents({ first: 20, filter: { entityId: issue.id } });
    expect(auditEvents.edges.map((e) => e.node.action).reverse()).toEqual([
      'reportClientIssue',
      'updateClientIssue',
      'escalateClientIssue',
    ]);
  });

  it('are judged on a lowered severity: a breached HIGH issue lowered to LOW is within the LOW deadlines and is not escalated', async () => {
    const issue = await report({ severity: 'HIGH', category: 'BILLING', title: 'PO number missing' });
    await reportedAgo(issue.id, 5 * HOUR, 'HIGH');
    const { clientIssue } = (
      await jordan.updateClientIssue({ input: { id: issue.id, expectedVersion: issue.version, severity: 'LOW' } })
    ).updateClientIssue;
    expect(clientIssue).toMatchObject({ severity: 'LOW', status: 'OPEN', slaStatus: 'ON_TRACK', escalatedAt: null });
    expect(await notificationsFor(issue.id)).toEqual([]);
  });
});

describe('who may resolve and close', () => {
  it('refuses team members who are not the assignee, finance, BI and out-of-scope staff; allows the owner, their senior and the assignee', async () => {
    const issue = await report({ severity: 'MEDIUM', category: 'DELIVERY' });
    await taylor.respondToClientIssue({ input: { id: issue.id, message: 'Looking into it.' } }); // team members work issues...
    await expectError(taylor.resolveClientIssue({ input: { id: issue.id, resolution: 'Done' } }), 'FORBIDDEN'); // ...but do not settle them
    await expectError(robin.resolveClientIssue({ input: { id: issue.id, resolution: 'Done' } }), 'FORBIDDEN');
    await expectError(bi.resolveClientIssue({ input: { id: issue.id, resolution: 'Done' } }), 'FORBIDDEN');
    await expectError(casey.resolveClientIssue({ input: { id: issue.id, resolution: 'Done' } }), 'NOT_FOUND');
    await expectError(itdir.resolveClientIssue({ input: { id: issue.id, resolution: 'Done' } }), 'FORBIDDEN');
    expect(
      (await marcus.resolveClientIssue({ input: { id: issue.id, resolution: 'Plan revised with the sponsor.' } }))
        .resolveClientIssue.clientIssue.status,
    ).toBe('RESOLVED');
    for (const who of [taylor, robin, bi, itdir])
      await expectError(who.closeClientIssue({ input: { id: issue.id } }), 'FORBIDDEN');
    expect(
      (await jordan.closeClientIssue({ input: { id: issue.id, note: 'Client confirmed.' } })).closeClientIssue
        .clientIssue.status,
    ).toBe('CLOSED');

    const assigned = await report({ severity: 'LOW', category: 'DELIVERY' });
    await jordan.assignClientIssue({ input: { id: assigned.id, assigneeId: staff.taylor } });
    expect(
      (await taylor.resolveClientIssue({ input: { id: assigned.id, resolution: 'Fixed in the release.' } }))
        .resolveClientIssue.clientIssue.status,
    ).toBe('RESOLVED');
    await expectError(
      bi.reportClientIssue({
        input: { accountId, title: 'x', description: 'y', severity: 'LOW', category: 'BILLING' },
      }),
      'FORBIDDEN',
    );
  });

  it('needs a conflict resolution note to resolve a RELATIONSHIP issue', async () => {
    const issue = await report({
      severity: 'MEDIUM',
      category: 'RELATIONSHIP',
      title: 'Sponsor unhappy with response times',
    });
    const error = await expectError(
      jordan.resolveClientIssue({ input: { id: issue.id, resolution: 'Met the sponsor.' } }),
      'BAD_USER_INPUT',
    );
    expect(error.fields).toEqual([
      {
        path: 'input.conflictResolutionNote',
        message: 'a RELATIONSHIP issue needs a note on how the conflict was resolved',
      },
    ]);
    await expectError(
      jordan.resolveClientIssue({
        input: { id: issue.id, resolution: 'Met the sponsor.', conflictResolutionNote: '  ' },
      }),
      'BAD_USER_INPUT',
    );
    expect((await jordan.clientIssue({ id: issue.id })).clientIssue).toMatchObject({
      status: 'OPEN',
      version: 1,
      resolvedAt: null,
    });
    const { clientIssue } = (
      await jordan.resolveClientIssue({
        input: {
          id: issue.id,
          resolution: 'Met the sponsor.',
          conflictResolutionNote: 'Agreed a monthly executive check-in.',
        },
      })
    ).resolveClientIssue;
    expect(clientIssue).toMatchObject({
      status: 'RESOLVED',
      resolution: 'Met the sponsor.',
      conflictResolutionNote: 'Agreed a monthly executive check-in.',
    });
  });
});

describe('the lifecycle', () => {
  it('moves OPEN → IN_PROGRESS → RESOLVED → IN_PROGRESS → RESOLVED → CLOSED and refuses the rest with CONFLICT', async () => {
    const issue = await report();
    const responded = (await jordan.respondToClientIssue({ input: { id: issue.id, message: 'We are on it.' } }))
      .respondToClientIssue.clientIssue;
    expect(responded).toMatchObject({ status: 'IN_PROGRESS', firstResponseAt: expect.any(String) });
    const twice = await expectError(
      jordan.respondToClientIssue({ input: { id: issue.id, message: 'Again' } }),
      'CONFLICT',
    );
    expect(twice.message).toMatch(/first response is recorded once/);
    await expectError(jordan.reopenClientIssue({ input: { id: issue.id, reason: 'Not resolved yet' } }), 'CONFLICT');
    await expectError(jordan.closeClientIssue({ input: { id: issue.id } }), 'CONFLICT');
    await jordan.resolveClientIssue({ input: { id: issue.id, resolution: 'File reloaded.' } });
    await expectError(jordan.resolveClientIssue({ input: { id: issue.id, resolution: 'Twice' } }), 'CONFLICT');
    await expectError(jordan.escalateClientIssue({ input: { id: issue.id, reason: 'Too late' } }), 'CONFLICT');
    const reopened = (await jordan.reopenClientIssue({ input: { id: issue.id, reason: 'Failed again overnight.' } }))
      .reopenClientIssue.clientIssue;
    expect(reopened).toMatchObject({
      status: 'IN_PROGRESS',
      resolvedAt: null,
      resolution: null,
      firstResponseAt: responded.firstResponseAt,
    });
    await jordan.resolveClientIssue({ input: { id: issue.id, resolution: 'Root cause fixed.' } });
    await jordan.closeClientIssue({ input: { id: issue.id } });
    const closed = await expectError(
      jordan.reopenClientIssue({ input: { id: issue.id, reason: 'Once more' } }),
      'CONFLICT',
    );
    expect(closed.message).toMatch(/cannot be reopened/);
    await expectError(jordan.assignClientIssue({ input: { id: issue.id, assigneeId: staff.taylor } }), 'CONFLICT');
    await expectError(
      jordan.updateClientIssue({ input: { id: issue.id, expectedVersion: 7, title: 'Late' } }),
      'CONFLICT',
    );
    const { clientIssue } = await jordan.clientIssue({ id: issue.id });
    expect(clientIssue!.timeline.edges.map((e) => `${e.node.kind}:${e.node.toStatus ?? ''}`)).toEqual([
      'STATUS_CHANGE:OPEN',
      'RESPONSE:',
      'STATUS_CHANGE:IN_PROGRESS',
      'STATUS_CHANGE:RESOLVED',
      'STATUS_CHANGE:IN_PROGRESS',
      'STATUS_CHANGE:RESOLVED',
      'STATUS_CHANGE:CLOSED',
    ]);
    const { auditEvents } = await vp.auditEvents({ first: 20, filter: { entityId: issue.id } });
    expect(auditEvents.edges.map((e) => e.node.action).reverse()).toEqual([
      'reportClientIssue',
      'respondToClientIssue',
      'resolveClientIssue',
      'reopenClientIssue',
      'resolveClientIssue',
      'closeClientIssue',
    ]);
  });

  it('refuses each step at a stale expectedVersion with STALE_VERSION, changing nothing; the current one passes', async () => {
    const issue = await report();
    const id = issue.id;
    await jordan.assignClientIssue({ input: { id, assigneeId: staff.taylor, expectedVersion: 1 } });
    const stale = async (call: Promise<unknown>, expectedVersion: number, actualVersion: number) => {
      const error = await expectError(call, 'CONFLICT');
      expect(error.reason).toBe('STALE_VERSION');
      expect(error.extensions).toMatchObject({ expectedVersion, actualVersion });
    };
    const state = async () => {
      const { clientIssue } = await jordan.clientIssue({ id });
      return {
        status: clientIssue!.status,
        version: clientIssue!.version,
        timeline: clientIssue!.timeline.edges.length,
        audit: await count('SELECT COUNT(*) AS n FROM audit_event WHERE entityId = ?', [id]),
      };
    };

    const assigned = await state();
    expect(assigned).toMatchObject({ status: 'OPEN', version: 2 });
    await stale(jordan.respondToClientIssue({ input: { id, expectedVersion: 1, message: 'Stale' } }), 1, 2);
    await stale(jordan.escalateClientIssue({ input: { id, expectedVersion: 1, reason: 'Stale' } }), 1, 2);
    await stale(jordan.resolveClientIssue({ input: { id, expectedVersion: 1, resolution: 'Stale' } }), 1, 2);
    await stale(jordan.commentOnClientIssue({ input: { id, expectedVersion: 1, body: 'Stale' } }), 1, 2);
    expect(await state()).toEqual(assigned);

    await jordan.respondToClientIssue({ input: { id, expectedVersion: 2, message: 'We are on it.' } });
    await jordan.resolveClientIssue({ input: { id, expectedVersion: 3, resolution: 'File reloaded.' } });
    const resolved = await state();
    expect(resolved).toMatchObject({ status: 'RESOLVED', version: 4 });
    await stale(jordan.reopenClientIssue({ input: { id, expectedVersion: 3, reason: 'Stale' } }), 3, 4);
    await stale(jordan.closeClientIssue({ input: { id, expectedVersion: 3 } }), 3, 4);
    expect(await state()).toEqual(resolved);

    const closed = (await jordan.closeClientIssue({ input: { id, expectedVersion: 4 } })).closeClientIssue.clientIssue;
    expect(closed).toMatchObject({ status: 'CLOSED', version: 5 });
  });

  it('assigns to active staff who may change the account, notifying them', async () => {
    const issue = await report();
    const { clientIssue } = (await jordan.assignClientIssue({ input: { id: issue.id, assigneeId: staff.taylor } }))
      .assignClientIssue;
    expect(clientIssue.assignee).toMatchObject({ id: staff.taylor });
    expect(await notificationsFor(issue.id)).toEqual([
      { recipientId: rowId(staff.taylor), kind: 'ISSUE_ASSIGNED', subjectType: 'ClientIssue', subjectId: issue.id },
    ]);
    for (const who of [staff.chris, staff.casey, staff['bi-dashboards']]) {
      const error = await expectError(
        jordan.assignClientIssue({ input: { id: issue.id, assigneeId: who } }),
        'BAD_USER_INPUT',
      );
      expect(error.fields[0].path).toBe('input.assigneeId');
    }
    await expectError(
      jordan.assignClientIssue({ input: { id: issue.id, assigneeId: staff.taylor } }),
      'BAD_USER_INPUT',
    );
    expect(await notificationsFor(issue.id)).toHaveLength(1);
  });

  it('lets exactly one of 10 concurrent resolutions win', async () => {
    const issue = await report({ severity: 'LOW', category: 'TECHNICAL' });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? marcus : jordan).resolveClientIssue({ input: { id: issue.id, resolution: `Resolution ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code),
    ).toEqual(Array(9).fill('CONFLICT'));
    expect(
      await count("SELECT COUNT(*) AS n FROM client_issue_event WHERE issueId = ? AND toStatus = 'RESOLVED'", [
        rowId(issue.id),
      ]),
    ).toBe(1);
    expect(
      await count("SELECT COUNT(*) AS n FROM audit_event WHERE entityId = ? AND action = 'resolveClientIssue'", [
        issue.id,
      ]),
    ).toBe(1);
  });

  it('refuses bad input with the paths at fault, writing nothing', async () => {
    const tables = ['client_issue', 'client_issue_event', 'audit_event', 'notification'];
    const before = await Promise.all(tables.map((t) => count(`SELECT COUNT(*) AS n FROM ${t}`)));
    const paths = async (overrides: Partial<ReportClientIssueInput>) =>
      (await expectError(report(overrides), 'BAD_USER_INPUT')).fields.map((f) => f.path);
    expect(await paths({ title: ' ', description: '' })).toEqual(['input.title', 'input.description']);
    expect(await paths({ title: 'x'.repeat(201) })).toEqual(['input.title']);
    expect(await paths({ reportedByContactId: otherContactId, severity: 'CRITICAL', category: 'TECHNICAL' })).toEqual([
      'input.reportedByContactId',
    ]);
    expect(await paths({ reportedAt: new Date(Date.now() + DAY).toISOString() })).toEqual(['input.reportedAt']);
    expect(await paths({ reportedAt: new Date(Date.now() - 40 * DAY).toISOString() })).toEqual(['input.reportedAt']);
    expect(await paths({ accountId: contactId })).toEqual(['input.accountId']);
    expect(await paths({ assigneeId: staff.chris, severity: 'CRITICAL', category: 'TECHNICAL' })).toEqual([
      'input.assigneeId',
    ]);
    const issue = await report();
    const noChange = await expectError(
      jordan.updateClientIssue({ input: { id: issue.id, expectedVersion: 1 } }),
      'BAD_USER_INPUT',
    );
    expect(noChange.fields[0].path).toBe('input');
    const filterError = await expectError(jordan.clientIssues({ filter: { assigneeId: accountId } }), 'BAD_USER_INPUT');
    expect(filterError.fields[0].path).toBe('filter.assigneeId');
    const after = await Promise.all(tables.map((t) => count(`SELECT COUNT(*) AS n FROM ${t}`)));
    // Only the valid report wrote: one issue, its first timeline entry, its audit event.
    expect(after).toEqual([before[0] + 1, before[1] + 1, before[2] + 1, before[3]]);
  });
});

describe('reads', () => {
  it('filters by SLA status in SQL exactly as each issue reports its own slaStatus', async () => {
    const onTrack = await report({ severity: 'LOW', title: 'On track' });
    const atRisk = await report({ severity: 'MEDIUM', category: 'BILLING', title: 'At risk' });
    await sql('UPDATE client_issue SET responseAtRiskAt = ? WHERE id = ?', [
      sqlTime(new Date(Date.now() - HOUR)),
      rowId(atRisk.id),
    ]);
    const breached = await report({ severity: 'LOW', title: 'Breached' });
    await reportedAgo(breached.id, 20 * DAY, 'LOW');
    const ids = async (slaStatus: ('ON_TRACK' | 'AT_RISK' | 'BREACHED')[]) =>
      (await jordan.clientIssues({ first: 100, filter: { accountId, slaStatus } })).clientIssues.edges.map(
        (e) => e.node,
      );
    for (const [status, issue] of [
      ['ON_TRACK', onTrack],
      ['AT_RISK', atRisk],
      ['BREACHED', breached],
    ] as const) {
      const listed = await ids([status]);
      expect(listed.map((n) => n.id)).toContain(issue.id);
      expect(listed.every((n) => n.slaStatus === status)).toBe(true);
    }
    const all = (await jordan.clientIssues({ first: 100, filter: { accountId } })).clientIssues;
    expect((await ids(['ON_TRACK', 'AT_RISK', 'BREACHED'])).length).toBe(all.totalCount);
  });

  it('sorts, pages, scopes and fetches by node', async () => {
    const bySeverity = await jordan.clientIssues({
      first: 3,
      filter: { accountId },
      orderBy: { field: 'SEVERITY', direction: 'DESC' },
    });
    const rest = await jordan.clientIssues({
      first: 100,
      after: bySeverity.clientIssues.pageInfo.endCursor,
      filter: { accountId },
      orderBy: { field: 'SEVERITY', direction: 'DESC' },
    });
    const ranks = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
    const severities = [...bySeverity.clientIssues.edges, ...rest.clientIssues.edges].map(
      (e) => ranks[e.node.severity],
    );
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(severities.length).toBe(bySeverity.clientIssues.totalCount);
    const due = (
      await jordan.clientIssues({
        first: 100,
        filter: { accountId },
        orderBy: { field: 'RESOLUTION_DUE_AT', direction: 'ASC' },
      })
    ).clientIssues.edges.map((e) => e.node.resolutionDueAt);
    expect(due).toEqual([...due].sort());

    const { account } = await jordan.accountOpenIssues({ accountId, first: 100 });
    expect(account!.openIssues.edges.every((e) => !['RESOLVED', 'CLOSED'].includes(e.node.status))).toBe(true);
    expect(account!.openIssues.totalCount).toBe(
      (await jordan.clientIssues({ first: 1, filter: { accountId, status: ['OPEN', 'IN_PROGRESS', 'ESCALATED'] } }))
        .clientIssues.totalCount,
    );

    expect((await casey.clientIssues({ first: 100, filter: { accountId } })).clientIssues.totalCount).toBe(0);
    const issue = account!.openIssues.edges[0].node;
    expect((await casey.clientIssue({ id: issue.id })).clientIssue).toBeNull();
    const eventId = (await jordan.clientIssue({ id: issue.id })).clientIssue!.timeline.edges[0].node.id;
    const nodeQuery = 'query ($id: ID!) { node(id: $id) { __typename id } }';
    for (const id of [issue.id, eventId]) {
      expect((await server.gql('jordan', nodeQuery, { id })).body.data!.node).toMatchObject({ id });
      expect((await server.gql('casey', nodeQuery, { id })).body.data!.node).toBeNull();
    }
    expect((await server.gql('jordan', nodeQuery, { id: eventId })).body.data!.node.__typename).toBe(
      'ClientIssueEvent',
    );
  });
});

describe('demo issues and statements per page', () => {
  const ISSUES = `query ($first: Int!) {
    clientIssues(first: $first, orderBy: { field: REPORTED_AT, direction: ASC }) { totalCount edges { node {
      title severity status slaStatus account { name } assignee { name } reportedByContact { name } reportedByUser { name }
      timeline(first: 5) { totalCount edges { node { kind body at actor { name } } } }
    } } }
  }`;
  const ACCOUNTS = `query ($first: Int!) {
    accounts(first: $first) { edges { node {
      name
      openIssues(first: 3) { totalCount edges { node {
        title slaStatus assignee { name } reportedByContact { name } timeline(first: 2) { edges { node { kind } } }
      } } }
    } } }
  }`;

  beforeAll(async () => {
    let state = 20261128;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const started = Date.now();
    const written = await server.db.transaction((em) => seedClientIssues(em, random));
    if (process.env.SHOW_TIMINGS) console.log(`seedClientIssues wrote ${written} issues in ${Date.now() - started} ms`);
    expect(written).toBeGreaterThan(500);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('are realistic and consistent', async () => {
    const byStatus = await sql<{ status: string; n: number | string }>(
      'SELECT status, COUNT(*) AS n FROM client_issue GROUP BY status',
    );
    expect(byStatus.map((r) => r.status).sort()).toEqual(['CLOSED', 'ESCALATED', 'IN_PROGRESS', 'OPEN', 'RESOLVED']);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM client_issue WHERE status = 'ESCALATED' AND (escalatedAt IS NULL OR assigneeId <> ?)",
        [rowId(staff.alex)],
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM client_issue WHERE severity = 'CRITICAL' AND category = 'TECHNICAL' AND escalatedAt IS NULL",
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM client_issue WHERE category = 'RELATIONSHIP' AND resolvedAt IS NOT NULL AND conflictResolutionNote IS NULL",
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM client_issue i WHERE NOT EXISTS (SELECT 1 FROM client_issue_event e WHERE e.issueId = i.id)',
      ),
    ).toBe(0);
    // Every escalation told the IT Director (the seed writes one notification per escalated issue).
    const escalated = await count('SELECT COUNT(*) AS n FROM client_issue WHERE escalatedAt IS NOT NULL');
    expect(
      await count(
        "SELECT COUNT(DISTINCT subjectId) AS n FROM notification WHERE subjectType = 'ClientIssue' AND kind = 'ISSUE_ESCALATED' AND recipientId = ?",
        [rowId(staff.alex)],
      ),
    ).toBeGreaterThanOrEqual(escalated);
    const sla = await vp.clientIssues({ first: 1, filter: { slaStatus: ['BREACHED'] } });
    const all = await vp.clientIssues({ first: 1 });
    expect(sla.clientIssues.totalCount).toBeGreaterThan(0);
    expect(sla.clientIssues.totalCount).toBeLessThan(all.clientIssues.totalCount / 3);
  });

  async function statementsFor(
    who: Role | 'jordan',
    query: string,
    first: number,
  ): Promise<{ count: number; size: number }> {
    const token = await server.signedIn(who);
    server.resetQueries();
    const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
    expect(response.body.errors).toBeUndefined();
    if (process.env.SHOW_TIMINGS) console.log(`${who}, first ${first}: ${server.queries.length} statements`);
    return { count: server.queries.length, size: JSON.stringify(response.body.data).length };
  }

  it.each([Role.EXECUTIVE, Role.IT_DIRECTOR, 'jordan' as const])(
    'stay the same for 5 and 50 issues with their accounts, people and timelines (%s)',
    async (who) => {
      const small = await statementsFor(who, ISSUES, 5);
      const large = await statementsFor(who, ISSUES, 50);
      expect(large.size).toBeGreaterThan(small.size);
      // Never more for the larger page. It can be one fewer: the timeline's actors are loaded a tick after
      // the assignees and reporters, and on a large page they are all among the users already loaded.
      expect(large.count).toBeLessThanOrEqual(small.count);
      expect(small.count - large.count).toBeLessThanOrEqual(1);
      // issues + count, accounts, users, contacts, timeline + count, actors.
      expect(small.count).toBeLessThanOrEqual(10);
    },
  );

  it.each([Role.EXECUTIVE, 'jordan' as const])(
    'stay the same for 5 and 50 accounts with their open issues (%s)',
    async (who) => {
      const small = await statementsFor(who, ACCOUNTS, 5);
      const large = await statementsFor(who, ACCOUNTS, 50);
      expect(large.size).toBeGreaterThan(small.size);
      expect(large.count).toBe(small.count);
      // accounts, open issues + count, users, contacts, timelines.
      expect(large.count).toBeLessThanOrEqual(8);
    },
  );
});
