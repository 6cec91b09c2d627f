import { testDialect } from './support/test-database';
import { TestServer } from './support/harness';

/** The senior's team view (figures against the rows, currencies apart, constant statements) and bulk reassignment. */
let server: TestServer;
let staff: Record<string, string>;

const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
const accountGlobalId = (id: number) => Buffer.from(`Account:${id}`).toString('base64');
const today = () => new Date().toISOString().slice(0, 10);
const dayOf = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const TEAM = `query ($managerId: ID) { teamView(managerId: $managerId) { asOf renewalWindowDays manager { id }
  reports(first: 10) { totalCount edges { node {
    user { id name } accountCount contractValue { amountCents currency }
    renewalsDue { count value { amountCents currency } } overdueBalance { amountCents currency } breachedIssues
    openOpportunities { count amount { amountCents currency } weightedAmount { amountCents currency } }
    goals(first: 10) { totalCount edges { node { metric progress { percentOfTarget onTrack } } } }
  } } } } }`;
const REASSIGN = `mutation ($input: ReassignAccountsInput!) { reassignAccounts(input: $input) {
  accounts { id version owner { id } } toUser { id } previousOwners { id } } }`;

function refusal(response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) {
  const error = response.body.errors?.[0];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason };
}

/** Money per currency, sorted, from rows of { currency, cents } (the test's own sums). */
function perCurrency(rows: { currency: string; cents: number }[]) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0) + row.cents);
  return [...sums]
    .filter(([, cents]) => cents !== 0 || rows.length > 0)
    .map(([currency, amountCents]) => ({ amountCents, currency }))
    .sort((x, y) => x.currency.localeCompare(y.currency));
}

/** A report's figures computed here from the raw rows. */
async function expectedFigures(ownerId: number) {
  const now = new Date();
  const day = today();
  const accounts = await server.sql<any>('SELECT id FROM account WHERE ownerId = ?', [ownerId]);
  const contracts = await server.sql<any>(
    "SELECT k.startDate, k.endDate, k.valueCents, k.currency FROM contract k JOIN account a ON a.id = k.accountId WHERE a.ownerId = ? AND k.status = 'ACTIVE'",
    [ownerId],
  );
  const termDays = (k: any) =>
    Math.round((Date.parse(dayOf(k.endDate)) - Date.parse(dayOf(k.startDate))) / 86_400_000) + 1;
  const due = contracts.filter((k) => dayOf(k.endDate) >= day && dayOf(k.endDate) <= addDays(day, 90));
  const invoices = await server.sql<any>(
    'SELECT i.status, i.totalCents, i.paidCents, i.dueDate, i.currency FROM invoice i JOIN account a ON a.id = i.accountId WHERE a.ownerId = ?',
    [ownerId],
  );
  const overdue = invoices.filter(
    (i) =>
      ['SENT', 'PARTIALLY_PAID'].includes(i.status) &&
      Number(i.paidCents) < Number(i.totalCents) &&
      dayOf(i.dueDate) < day,
  );
  const issues = await server.sql<any>(
    'SELECT c.status, c.firstResponseAt, c.responseDueAt, c.resolvedAt, c.resolutionDueAt FROM client_issue c JOIN account a ON a.id = c.accountId WHERE a.ownerId = ?',
    [ownerId],
  );
  const time = (value: Date | string | null) =>
    value === null ? null : new Date(value instanceof Date ? value : `${value.replace(' ', 'T')}Z`).getTime();
  const breached = issues.filter((c) => {
    if (!['OPEN', 'IN_PROGRESS', 'ESCALATED'].includes(c.status)) return false;
    const responseLate = c.firstResponseAt
      ? time(c.firstResponseAt)! > time(c.responseDueAt)!
      : now.getTime() > time(c.responseDueAt)!;
    const resolutionLate = c.resolvedAt
      ? time(c.resolvedAt)! > time(c.resolutionDueAt)!
      : now.getTime() > time(c.resolutionDueAt)!;
    return responseLate || resolutionLate;
  });
  const opportunities = await server.sql<any>(
    "SELECT amountCents, probability, currency FROM opportunity WHERE ownerId = ? AND status NOT IN ('WON', 'LOST')",
    [ownerId],
  );
  return {
    accountCount: accounts.length,
    contractValue: perCurrency(
      contracts.map((k) => ({ currency: k.currency, cents: Math.floor((Number(k.valueCents) * 365) / termDays(k)) })),
    ),
    renewalsDue: {
      count: due.length,
      value: perCurrency(due.map((k) => ({ currency: k.currency, cents: Number(k.valueCents) }))),
    },
    overdueBalance: perCurrency(
      overdue.map((i) => ({ currency: i.currency, cents: Number(i.totalCents) - Number(i.paidCents) })),
    ),
    breachedIssues: breached.length,
    openOpportunities: {
      count: opportunities.length,
      amount: perCurrency(opportunities.map((o) => ({ currency: o.currency, cents: Number(o.amountCents) }))),
      weightedAmount: perCurrency(
        opportunities.map((o) => ({
          currency: o.currency,
          cents: Math.floor((Number(o.amountCents) * Number(o.probability) + 50) / 100),
        })),
      ),
    },
  };
}

beforeAll(async () => {
  server = await TestServer.start();
  staff = await server.staffIds();
});

afterAll(async () => {
  await server.close();
});

describe('team view', () => {
  it("shows each of the senior's reports with figures equal to sums over the rows, currencies apart", async () => {
    // An active contract in euros on one of Jordan's accounts, ending within the renewal window.
    const [account] = await server.sql<{ id: number }>('SELECT id FROM account WHERE ownerId = ? ORDER BY id LIMIT 1', [
      rowId(staff.jordan),
    ]);
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await server.sql(
      "INSERT INTO contract (createdAt, updatedAt, version, accountId, number, title, type, status, startDate, endDate, signedAt, noticePeriodDays, noticeDeadline, autoRenew, valueCents, currency, ownerId, renewalOfId, createdById, submittedById, approvedById, approvedAt, terminationDate, terminationReason) VALUES (?, ?, 1, ?, 'C-EUR-TEAM', 'Euro pilot', 'STATEMENT_OF_WORK', 'ACTIVE', ?, ?, NULL, 30, ?, 0, 36500000, 'EUR', ?, NULL, ?, NULL, NULL, NULL, NULL, NULL)",
      [
        now,
        now,
        account.id,
        addDays(today(), -300),
        addDays(today(), 64),
        addDays(today(), 34),
        rowId(staff.jordan),
        rowId(staff.jordan),
      ],
    );
    const response = await server.gql('marcus', TEAM);
    expect(response.body.errors).toBeUndefined();
    const view = response.body.data!.teamView;
    expect(view.manager.id).toBe(staff.marcus);
    const reports = view.reports.edges.map((e: any) => e.node);
    expect(reports.map((r: any) => r.user.id).sort()).toEqual([staff.jordan, staff.riley, staff.taylor].sort());
    for (const report of reports) {
      const { user, goals, ...figures } = report;
      expect({ user: user.name, ...figures }).toEqual({ user: user.name, ...(await expectedFigures(rowId(user.id))) });
      expect(goals.totalCount).toBeGreaterThan(0);
    }
    const jordan = reports.find((r: any) => r.user.id === staff.jordan);
    expect(jordan.contractValue.map((m: any) => m.currency)).toContain('EUR');
    expect(jordan.renewalsDue.value.find((m: any) => m.currency === 'EUR')).toEqual({
      amountCents: 36500000,
      currency: 'EUR',
    });
  });

  it("is a senior's own team only; executives see anyone's; account managers none", async () => {
    expect(refusal(await server.gql('marcus', TEAM, { managerId: staff.sofia }))).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_THEIR_MANAGER',
    });
    expect(refusal(await server.gql('jordan', TEAM)).reason).toBe('ROLE_NOT_ALLOWED');
    const exec = await server.gql('vp', TEAM, { managerId: staff.sofia });
    expect(exec.body.data!.teamView.reports.totalCount).toBe(3);
  });

  it('runs the same number of statements for a team of 2 and a team of 6', async () => {
    const marcus = rowId(staff.marcus);
    const sofia = rowId(staff.sofia);
    const user = testDialect === 'mysql' ? '`user`' : '"user"';
    const setManager = (who: string[], managerId: number) =>
      server.sql(`UPDATE ${user} SET managerId = ? WHERE id IN (${who.map((w) => rowId(staff[w])).join(', ')})`, [
        managerId,
      ]);
    const statements = async () => {
      // An executive looks at Marcus's team: a senior's own sign-in would keep his old team for a few seconds.
      const token = await server.signedIn('vp');
      server.resetQueries();
      const response = await server.post(
        { query: TEAM, variables: { managerId: staff.marcus } },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      return { count: server.queries.length, reports: (response.body.data as any).teamView.reports.edges.length };
    };
    try {
      await setManager(['riley'], sofia);
      const two = await statements();
      await setManager(['riley', 'casey', 'jamie', 'chris'], marcus);
      const six = await statements();
      expect([two.reports, six.reports]).toEqual([2, 6]);
      expect(six.count).toBe(two.count);
      // Reports, count, seven figures, goals and their count, progress per metric.
      expect(six.count).toBeLessThanOrEqual(17);
    } finally {
      await setManager(['riley'], marcus);
      await setManager(['casey', 'jamie', 'chris'], sofia);
    }
  });
});

describe('reassigning accounts', () => {
  /** Accounts owned by `who` that nobody else's team membership would keep visible to them. */
  async function ownedOnlyBy(who: string, n: number): Promise<number[]> {
    const id = rowId(staff[who]);
    const rows = await server.sql<{ id: number }>(
      'SELECT a.id FROM account a WHERE a.ownerId = ? AND NOT EXISTS (SELECT 1 FROM account_team_member t WHERE t.accountId = a.id AND t.userId = ?) ORDER BY a.id',
      [id, id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(n);
    return rows.slice(0, n).map((row) => Number(row.id));
  }

  it('moves accounts within the team, audits each, tells each side once, and the old owner stops seeing them at once', async () => {
    const ids = await ownedOnlyBy('jordan', 3);
    // Jordan reads the accounts just before (his sign-in is now remembered for a few seconds).
    const before = await server.gql('jordan', `query ($id: ID!) { account(id: $id) { id } }`, {
      id: accountGlobalId(ids[0]),
    });
    expect(before.body.data!.account).not.toBeNull();
    const versions = await server.sql<{ id: number; version: number }>(
      `SELECT id, version FROM account WHERE id IN (${ids.join(', ')})`,
    );
    const notices = async (who: string) =>
      server.count('SELECT COUNT(*) AS n FROM notification WHERE recipientId = ?', [rowId(staff[who])]);
    const [jordanBefore, taylorBefore] = [await notices('jordan'), await notices('taylor')];

    const response = await server.gql('marcus', REASSIGN, {
      input: { accountIds: ids.map(accountGlobalId), toUserId: staff.taylor, reason: 'Balancing the portfolios' },
    });
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data!.reassignAccounts;
    expect(payload.previousOwners).toEqual([{ id: staff.jordan }]);
    expect(payload.accounts.map((a: any) => a.owner.id)).toEqual([staff.taylor, staff.taylor, staff.taylor]);
    const after = await server.sql<{ id: number; version: number; ownerId: number }>(
      `SELECT id, version, ownerId FROM account WHERE id IN (${ids.join(', ')})`,
    );
    for (const row of after) {
      expect(Number(row.ownerId)).toBe(rowId(staff.taylor));
      expect(row.version).toBe(versions.find((v) => v.id === row.id)!.version + 1);
    }
    const audits = await server.sql<{ entityId: string; changes: unknown }>(
      `SELECT entityId, changes FROM audit_event WHERE action = 'reassignAccounts' AND entityId IN (${ids.map((id) => `'${accountGlobalId(id)}'`).join(', ')})`,
    );
    expect(audits).toHaveLength(3);
    const changes = typeof audits[0].changes === 'string' ? JSON.parse(audits[0].changes) : audits[0].changes;
    expect(changes.ownerId).toEqual({ before: rowId(staff.jordan), after: rowId(staff.taylor) });
    expect(await notices('jordan')).toBe(jordanBefore + 1);
    expect(await notices('taylor')).toBe(taylorBefore + 1);
    const [message] = await server.sql<{ message: string; kind: string }>(
      'SELECT message, kind FROM notification WHERE recipientId = ? ORDER BY id DESC LIMIT 1',
      [rowId(staff.taylor)],
    );
    expect(message).toMatchObject({
      kind: 'ACCOUNTS_REASSIGNED',
      message: expect.stringMatching(/handed you 3 accounts/),
    });

    const gone = await server.gql('jordan', `query ($id: ID!) { account(id: $id) { id } }`, {
      id: accountGlobalId(ids[0]),
    });
    expect(gone.body.data!.account).toBeNull();
    const seen = await server.gql('taylor', `query ($id: ID!) { account(id: $id) { id } }`, {
      id: accountGlobalId(ids[0]),
    });
    expect(seen.body.data!.account).toEqual({ id: accountGlobalId(ids[0]) });
  });

  it("is all or nothing: one account outside the senior's team, a duplicate, an unknown id or an ineligible owner changes nothing", async () => {
    const [taylors] = await ownedOnlyBy('taylor', 1);
    const [caseys] = await ownedOnlyBy('casey', 1);
    const owners = async () =>
      (
        await server.sql<{ ownerId: number }>(
          `SELECT ownerId FROM account WHERE id IN (${taylors}, ${caseys}) ORDER BY id`,
        )
      ).map((r) => Number(r.ownerId));
    const before = await owners();
    const outside = await server.gql('marcus', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors), accountGlobalId(caseys)], toUserId: staff.jordan },
    });
    // Outside his portfolio reads as if it did not exist.
    expect(refusal(outside).code).toBe('NOT_FOUND');
    const toOtherTeam = await server.gql('marcus', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors)], toUserId: staff.casey },
    });
    expect(refusal(toOtherTeam)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_THEIR_MANAGER' });
    const duplicate = await server.gql('vp', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors), accountGlobalId(taylors)], toUserId: staff.jordan },
    });
    expect(refusal(duplicate).code).toBe('BAD_USER_INPUT');
    const unknown = await server.gql('vp', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors), accountGlobalId(999_999)], toUserId: staff.jordan },
    });
    expect(refusal(unknown).code).toBe('NOT_FOUND');
    const inactive = await server.gql('vp', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors)], toUserId: staff.chris },
    });
    expect(refusal(inactive)).toEqual({ code: 'BAD_USER_INPUT', reason: 'USER_NOT_ELIGIBLE' });
    const tooMany = await server.gql('vp', REASSIGN, {
      input: { accountIds: Array.from({ length: 201 }, (_, i) => accountGlobalId(i + 1)), toUserId: staff.jordan },
    });
    expect(refusal(tooMany).code).toBe('BAD_USER_INPUT');
    expect(await owners()).toEqual(before);
    // An executive moves across teams.
    const exec = await server.gql('vp', REASSIGN, {
      input: { accountIds: [accountGlobalId(taylors), accountGlobalId(caseys)], toUserId: staff.jordan },
    });
    expect(exec.body.errors).toBeUndefined();
    expect(exec.body.data!.reassignAccounts.previousOwners.map((u: any) => u.id).sort()).toEqual(
      [staff.casey, staff.taylor].sort(),
    );
  });

  it('two leads reassigning the same accounts at once lose no update: each audit starts where the last ended', async () => {
    const ids = await ownedOnlyBy('riley', 4);
    const input = (toUserId: string) => ({ input: { accountIds: ids.map(accountGlobalId), toUserId } });
    const results = await Promise.all([
      server.gql('marcus', REASSIGN, input(staff.jordan)),
      server.gql('vp', REASSIGN, input(staff.taylor)),
      server.gql('cro', REASSIGN, input(staff.marcus)),
    ]);
    const succeeded = results.filter((r) => !r.body.errors);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const failed of results.filter((r) => r.body.errors))
      expect(['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT']).toContain(refusal(failed).code);
    for (const id of ids) {
      const events = await server.sql<{ changes: unknown }>(
        "SELECT changes FROM audit_event WHERE action = 'reassignAccounts' AND entityId = ? ORDER BY id",
        [accountGlobalId(id)],
      );
      const chain = events.map((e) => (typeof e.changes === 'string' ? JSON.parse(e.changes) : e.changes).ownerId);
      expect(chain).toHaveLength(succeeded.length);
      expect(chain[0].before).toBe(rowId(staff.riley));
      for (let i = 1; i < chain.length; i++) expect(chain[i].before).toBe(chain[i - 1].after);
      const [row] = await server.sql<{ ownerId: number; version: number }>('SELECT ownerId FROM account WHERE id = ?', [
        id,
      ]);
      expect(Number(row.ownerId)).toBe(chain.at(-1).after);
    }
  });
});
