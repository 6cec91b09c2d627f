import { TestServer } from './support/harness';

/** Staff goals: who may set them, what each metric counts (checked against the rows), who reads them. */
let server: TestServer;
let staff: Record<string, string>;

const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
/** A datetime column's UTC day on both dialects (SQLite text, MariaDB Date). */
const dayOf = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
const YEAR = 2025;
const inYear = (value: unknown) => value !== null && dayOf(value) >= `${YEAR}-01-01` && dayOf(value) <= `${YEAR}-12-31`;

const GOAL = `id metric version period { kind year quarter start end label } targetAmount { amountCents currency } targetCount
  progress { actualAmount { amountCents currency } actualCount percentOfTarget expectedPercentByNow onTrack }`;
const SET = `mutation ($input: SetStaffGoalInput!) { setStaffGoal(input: $input) { goal { ${GOAL} } } }`;
const UPDATE = `mutation ($input: UpdateStaffGoalInput!) { updateStaffGoal(input: $input) { goal { ${GOAL} } } }`;
const DELETE = `mutation ($input: DeleteStaffGoalInput!) { deleteStaffGoal(input: $input) { deletedGoalId } }`;
const LIST = `query ($filter: StaffGoalFilter) { staffGoals(first: 100, filter: $filter) { totalCount edges { node { ${GOAL} user { id } } } } }`;

function goalInput(user: string, metric: string, extra: Record<string, unknown> = {}) {
  const money = metric === 'REVENUE_BOOKED' || metric === 'INVOICES_COLLECTED';
  return {
    userId: staff[user],
    metric,
    period: { kind: 'YEAR', year: YEAR },
    ...(money ? { targetAmount: { amountCents: 100_000_00, currency: 'USD' } } : { targetCount: 10 }),
    ...extra,
  };
}

function refusal(response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) {
  const error = response.body.errors?.[0];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason };
}

beforeAll(async () => {
  server = await TestServer.start();
  staff = await server.staffIds();
});

afterAll(async () => {
  await server.close();
});

describe('who may set goals', () => {
  it('refuses your own goals, a peer senior and an account manager; allows the manager and an executive', async () => {
    const own = await server.gql('marcus', SET, { input: goalInput('marcus', 'CLIENT_TOUCHES') });
    expect(refusal(own)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_THEIR_MANAGER' });
    const peer = await server.gql('sofia', SET, { input: goalInput('jordan', 'CLIENT_TOUCHES') });
    expect(refusal(peer)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_THEIR_MANAGER' });
    const am = await server.gql('taylor', SET, { input: goalInput('jordan', 'CLIENT_TOUCHES') });
    expect(refusal(am)).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const exec = await server.gql('vp', SET, { input: goalInput('marcus', 'RENEWALS_CLOSED') });
    expect(exec.body.errors).toBeUndefined();
    expect(
      await server.count('SELECT COUNT(*) AS n FROM staff_goal WHERE userId = ? AND periodStart = ?', [
        rowId(staff.marcus),
        `${YEAR}-01-01`,
      ]),
    ).toBe(1);
    const manager = await server.gql('marcus', SET, { input: goalInput('jordan', 'RENEWALS_CLOSED') });
    expect(manager.body.errors).toBeUndefined();
    const goal = manager.body.data!.setStaffGoal.goal;
    expect(goal.period).toEqual({
      kind: 'YEAR',
      year: YEAR,
      quarter: null,
      start: `${YEAR}-01-01`,
      end: `${YEAR}-12-31`,
      label: String(YEAR),
    });
    const audit = await server.count(
      "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'setStaffGoal' AND entityId = ?",
      [goal.id],
    );
    expect(audit).toBe(1);
  });

  it('refuses a wrong target kind, a quarter without its number and a second goal on the same metric and period', async () => {
    const wrongKind = await server.gql('marcus', SET, {
      input: goalInput('taylor', 'REVENUE_BOOKED', { targetAmount: null, targetCount: 5 }),
    });
    expect(refusal(wrongKind).code).toBe('BAD_USER_INPUT');
    const noQuarter = await server.gql('marcus', SET, {
      input: goalInput('taylor', 'CLIENT_TOUCHES', { period: { kind: 'QUARTER', year: YEAR } }),
    });
    expect(refusal(noQuarter).code).toBe('BAD_USER_INPUT');
    const first = await server.gql('marcus', SET, { input: goalInput('taylor', 'CLIENT_TOUCHES') });
    expect(first.body.errors).toBeUndefined();
    const again = await server.gql('vp', SET, { input: goalInput('taylor', 'CLIENT_TOUCHES') });
    expect(refusal(again)).toEqual({ code: 'CONFLICT', reason: 'GOAL_EXISTS' });
    // The same money metric in another currency is another goal.
    const usd = await server.gql('marcus', SET, { input: goalInput('taylor', 'INVOICES_COLLECTED') });
    const eur = await server.gql('marcus', SET, {
      input: goalInput('taylor', 'INVOICES_COLLECTED', { targetAmount: { amountCents: 5_000_00, currency: 'EUR' } }),
    });
    expect([usd.body.errors, eur.body.errors]).toEqual([undefined, undefined]);
    expect(eur.body.data!.setStaffGoal.goal.progress.actualAmount.currency).toBe('EUR');
  });

  it('updates with the version read and deletes, both audited; a stale version changes nothing', async () => {
    const set = await server.gql('marcus', SET, { input: goalInput('riley', 'ISSUES_RESOLVED_WITHIN_SLA') });
    const goal = set.body.data!.setStaffGoal.goal;
    const stale = await server.gql('marcus', UPDATE, { input: { id: goal.id, expectedVersion: 7, targetCount: 3 } });
    expect(refusal(stale)).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const peer = await server.gql('sofia', UPDATE, { input: { id: goal.id, expectedVersion: 1, targetCount: 3 } });
    expect(refusal(peer).code).toBe('NOT_FOUND');
    const updated = await server.gql('marcus', UPDATE, { input: { id: goal.id, expectedVersion: 1, targetCount: 3 } });
    expect(updated.body.data!.updateStaffGoal.goal).toMatchObject({ version: 2, targetCount: 3 });
    const self = await server.gql('riley', DELETE, { input: { id: goal.id } });
    expect(refusal(self).code).toBe('FORBIDDEN');
    const deleted = await server.gql('vp', DELETE, { input: { id: goal.id, expectedVersion: 2 } });
    expect(deleted.body.data!.deleteStaffGoal.deletedGoalId).toBe(goal.id);
    const actions = await server.sql<{ action: string }>(
      'SELECT action FROM audit_event WHERE entityId = ? ORDER BY id',
      [goal.id],
    );
    expect(actions.map((row) => row.action)).toEqual(['setStaffGoal', 'updateStaffGoal', 'deleteStaffGoal']);
  });
  it('keeps one goal when the manager and an executive set the same one at the same moment', async () => {
    const input = goalInput('jamie', 'CLIENT_TOUCHES', { period: { kind: 'QUARTER', year: YEAR, quarter: 2 } });
    const results = await Promise.all([
      server.gql('sofia', SET, { input }),
      server.gql('vp', SET, { input }),
      server.gql('cro', SET, { input }),
    ]);
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    for (const failed of results.filter((r) => r.body.errors))
      expect(refusal(failed)).toEqual({ code: 'CONFLICT', reason: 'GOAL_EXISTS' });
    const stored = await server.count(
      "SELECT COUNT(*) AS n FROM staff_goal WHERE userId = ? AND metric = 'CLIENT_TOUCHES' AND periodStart = ?",
      [rowId(staff.jamie), `${YEAR}-04-01`],
    );
    expect(stored).toBe(1);
  });
});

describe('progress', () => {
  it('counts each metric from the records, as computed here from the rows', async () => {
    const jordan = rowId(staff.jordan);
    // Two touches on an account Jordan owns and one on an account he has nothing to do with.
    const [own] = await server.sql<{ id: number }>('SELECT id FROM account WHERE ownerId = ? ORDER BY id LIMIT 1', [
      jordan,
    ]);
    const [other] = await server.sql<{ id: number }>(
      'SELECT a.id FROM account a WHERE a.ownerId <> ? AND NOT EXISTS (SELECT 1 FROM account_team_member t WHERE t.accountId = a.id AND t.userId = ?) ORDER BY a.id LIMIT 1',
      [jordan, jordan],
    );
    for (const [accountId, at] of [
      [own.id, `${YEAR}-03-04T15:00:00Z`],
      [own.id, `${YEAR}-11-20T10:00:00Z`],
      [other.id, `${YEAR}-05-05T10:00:00Z`],
      [own.id, `${YEAR + 1}-01-02T10:00:00Z`],
    ] as const) {
      const time = sqlTime(new Date(at));
      await server.sql(
        "INSERT INTO communication (createdAt, updatedAt, version, accountId, type, direction, occurredAt, subject, summary, loggedById) VALUES (?, ?, 1, ?, 'CALL', 'OUTBOUND', ?, 'Check-in', NULL, ?)",
        [time, time, accountId, time, jordan],
      );
    }
    const metrics = [
      'REVENUE_BOOKED',
      'RENEWALS_CLOSED',
      'INVOICES_COLLECTED',
      'ISSUES_RESOLVED_WITHIN_SLA',
      'OPPORTUNITIES_WON',
      'CLIENT_TOUCHES',
    ];
    for (const metric of metrics) {
      const response = await server.gql('vp', SET, {
        input: goalInput('jordan', metric, metric === 'RENEWALS_CLOSED' ? {} : {}),
      });
      if (response.body.errors) expect(refusal(response).reason).toBe('GOAL_EXISTS');
    }

    const booked = ['ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED'];
    const contracts = await server.sql<any>(
      'SELECT type, status, signedAt, valueCents, currency FROM contract WHERE ownerId = ?',
      [jordan],
    );
    const signed = contracts.filter((c) => booked.includes(c.status) && inYear(c.signedAt));
    const payments = await server.sql<any>(
      'SELECT p.amountCents, p.currency, p.paidAt FROM invoice_payment p JOIN invoice i ON i.id = p.invoiceId JOIN account a ON a.id = i.accountId WHERE a.ownerId = ?',
      [jordan],
    );
    const issues = await server.sql<any>('SELECT resolvedAt, resolutionDueAt FROM client_issue WHERE assigneeId = ?', [
      jordan,
    ]);
    const comms = await server.sql<any>(
      'SELECT c.id, c.occurredAt, c.loggedById, a.id AS accountId, a.ownerId FROM communication c JOIN account a ON a.id = c.accountId',
    );
    const tookPart = new Set(
      (await server.sql<any>('SELECT communicationId FROM communication_participant WHERE userId = ?', [jordan])).map(
        (r) => Number(r.communicationId),
      ),
    );
    const onTeam = new Set(
      (await server.sql<any>('SELECT accountId FROM account_team_member WHERE userId = ?', [jordan])).map((r) =>
        Number(r.accountId),
      ),
    );
    const touches = comms.filter(
      (c) =>
        (Number(c.loggedById) === jordan || tookPart.has(Number(c.id))) &&
        (Number(c.ownerId) === jordan || onTeam.has(Number(c.accountId))),
    );
    const opportunities = await server.sql<any>('SELECT status, closedAt FROM opportunity WHERE ownerId = ?', [jordan]);
    const expected: Record<string, number> = {
      REVENUE_BOOKED: signed.filter((c) => c.currency === 'USD').reduce((sum, c) => sum + Number(c.valueCents), 0),
      RENEWALS_CLOSED: signed.filter((c) => c.type === 'RENEWAL').length,
      INVOICES_COLLECTED: payments
        .filter((p) => p.currency === 'USD' && inYear(p.paidAt))
        .reduce((sum, p) => sum + Number(p.amountCents), 0),
      ISSUES_RESOLVED_WITHIN_SLA: issues.filter(
        (i) => inYear(i.resolvedAt) && new Date(i.resolvedAt).getTime() <= new Date(i.resolutionDueAt).getTime(),
      ).length,
      OPPORTUNITIES_WON: opportunities.filter((o) => o.status === 'WON' && inYear(o.closedAt)).length,
      CLIENT_TOUCHES: touches.filter((t) => inYear(t.occurredAt)).length,
    };
    expect(expected.CLIENT_TOUCHES).toBeGreaterThanOrEqual(3);
    expect(expected.REVENUE_BOOKED + expected.INVOICES_COLLECTED).toBeGreaterThan(0);

    const list = await server.gql('marcus', LIST, {
      filter: { userId: staff.jordan, periodContaining: `${YEAR}-06-30` },
    });
    expect(list.body.errors).toBeUndefined();
    const goals = list.body.data!.staffGoals.edges.map((e: any) => e.node);
    expect(goals.map((g: any) => g.metric).sort()).toEqual([...metrics].sort());
    for (const goal of goals) {
      const actual = goal.progress.actualAmount?.amountCents ?? goal.progress.actualCount;
      expect({ metric: goal.metric, actual }).toEqual({ metric: goal.metric, actual: expected[goal.metric] });
      const target = goal.targetAmount?.amountCents ?? goal.targetCount;
      expect(goal.progress.percentOfTarget).toBeCloseTo((actual / target) * 100, 0);
      // A past year: the whole target was due by now.
      expect(goal.progress.expectedPercentByNow).toBe(100);
      expect(goal.progress.onTrack).toBe(actual >= target);
    }
  });

  it('reads a page of goals with progress in one statement per metric, whatever the page size', async () => {
    const token = await server.signedIn('vp');
    const statements = async (first: number) => {
      server.resetQueries();
      const response = await server.post(
        {
          query: `query ($first: Int!) { staffGoals(first: $first) { edges { node { ${GOAL} } } } }`,
          variables: { first },
        },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      return { count: server.queries.length, goals: (response.body.data as any).staffGoals.edges.length };
    };
    const small = await statements(5);
    const large = await statements(60);
    expect(large.goals).toBeGreaterThan(small.goals);
    // The page, then at most one statement per metric (six).
    expect(large.count).toBeLessThanOrEqual(1 + 6);
    expect(small.count).toBeLessThanOrEqual(large.count);
  });
  it("reads a page of staff with each one's goals and progress in a bounded number of statements, for 3 or 15 people", async () => {
    const token = await server.signedIn('admin');
    const statements = async (first: number) => {
      server.resetQueries();
      const response = await server.post(
        {
          query: `query ($first: Int!) { users(first: $first) { edges { node { name goals(first: 10) { totalCount edges { node { ${GOAL} } } } } } } }`,
          variables: { first },
        },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      return server.queries.length;
    };
    // Users, their goals and the goals' count, then at most one statement per metric on the page.
    expect(await statements(3)).toBeLessThanOrEqual(3 + 6);
    expect(await statements(15)).toBeLessThanOrEqual(3 + 6);
  });
  it('downloads as a table with the same goals and actuals as the list, for the same viewer and filter', async () => {
    const filter = { periodContaining: `${YEAR}-06-30` };
    const response = await fetch(
      `${server.origin}/export/staff-goals.ndjson?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { headers: { authorization: `Bearer ${await server.token('marcus')}` } },
    );
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const list = await server.gql('marcus', LIST, { filter });
    const goals = list.body.data!.staffGoals.edges.map((e: any) => e.node);
    expect(goals.length).toBeGreaterThan(0);
    expect(rows.map((row) => [row.id, row.actual]).sort()).toEqual(
      goals.map((g: any) => [g.id, g.progress.actualAmount?.amountCents ?? g.progress.actualCount]).sort(),
    );
  });
});

describe('who reads goals', () => {
  it('the person, their manager, executives and admins; not a peer or a peer senior', async () => {
    const count = async (who: 'jordan' | 'taylor' | 'marcus' | 'sofia' | 'vp' | 'admin') => {
      const response = await server.gql(who, LIST, { filter: { userId: staff.jordan } });
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.staffGoals.totalCount as number;
    };
    const all = await count('vp');
    expect(all).toBeGreaterThan(0);
    expect(await count('admin')).toBe(all);
    expect(await count('marcus')).toBe(all);
    expect(await count('jordan')).toBe(all);
    expect(await count('taylor')).toBe(0);
    expect(await count('sofia')).toBe(0);
    const viaUser = await server.gql('jordan', `{ viewer { goals(first: 50) { totalCount } } }`);
    expect(viaUser.body.data!.viewer.goals.totalCount).toBe(all);
  });

  it('the demo seed gives every active account manager and senior current goals between 30% and 120% of target', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await server.gql('admin', LIST, { filter: { periodContaining: today } });
    const goals = response.body.data!.staffGoals.edges.map((e: any) => e.node);
    const seeded = goals.filter((g: any) => g.period.year === Number(today.slice(0, 4)));
    expect(seeded.length).toBeGreaterThan(10);
    for (const goal of seeded) {
      expect(goal.progress.percentOfTarget).toBeGreaterThanOrEqual(25);
      expect(goal.progress.percentOfTarget).toBeLessThanOrEqual(130);
    }
  });
});
