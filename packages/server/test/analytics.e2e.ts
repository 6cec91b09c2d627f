import { TestServer, errorCodes, type StaffKey } from './support/harness';

/**
 * Dashboards' figures, checked against totals computed here from the raw rows (never by the
 * server's SQL): every period present, money kept apart by currency, each viewer's numbers cut to
 * the accounts they may read.
 */
let server: TestServer;

interface RawInvoice {
  accountId: number;
  status: string;
  issueDate: string;
  dueDate: string;
  totalCents: number;
  paidCents: number;
  currency: string;
}

const INVOICED = new Set(['APPROVED', 'SENT', 'PARTIALLY_PAID', 'PAID']);
const day = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

async function invoices(): Promise<RawInvoice[]> {
  const rows = await server.sql<Record<string, unknown>>(
    'SELECT accountId, status, issueDate, dueDate, totalCents, paidCents, currency FROM invoice',
  );
  return rows.map((r) => ({
    accountId: Number(r.accountId),
    status: String(r.status),
    issueDate: day(r.issueDate),
    dueDate: day(r.dueDate),
    totalCents: Number(r.totalCents),
    paidCents: Number(r.paidCents),
    currency: String(r.currency),
  }));
}

/** Account row ids a member of staff reaches: owned, on the team, or (a senior) their reports'. */
async function portfolioOf(who: StaffKey): Promise<Set<number>> {
  const [me] = await server.sql<{ id: number }>('SELECT id FROM user WHERE email LIKE ?', [`${who}.%`]);
  const reports = await server.sql<{ id: number }>('SELECT id FROM user WHERE managerId = ?', [me.id]);
  const people = [me.id, ...reports.map((r) => Number(r.id))];
  const marks = people.map(() => '?').join(', ');
  const rows = await server.sql<{ id: number }>(
    `SELECT id FROM account WHERE ownerId IN (${marks}) OR id IN (SELECT accountId FROM account_team_member WHERE userId IN (${marks}))`,
    [...people, ...people],
  );
  return new Set(rows.map((r) => Number(r.id)));
}

function sumBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + amount(item));
  return totals;
}

const SERIES = `query ($granularity: Granularity!, $from: LocalDate!, $to: LocalDate!, $measure: RevenueMeasure, $groupBy: RevenueGroupBy) {
  analytics { revenueSeries(granularity: $granularity, from: $from, to: $to, measure: $measure, groupBy: $groupBy) {
    periodStart groupKey groupLabel currency amount { amountCents currency } count } } }`;

async function series(who: StaffKey, variables: Record<string, unknown>) {
  const response = await server.gql(who, SERIES, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.analytics.revenueSeries as Array<{
    periodStart: string;
    groupKey: string | null;
    groupLabel: string | null;
    currency: string;
    amount: { amountCents: number; currency: string };
    count: number;
  }>;
}

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(async () => {
  await server.close();
});

describe('revenueSeries', () => {
  it('adds up invoiced revenue by month, every month of the range present', async () => {
    const all = await invoices();
    const counted = all.filter((i) => INVOICED.has(i.status));
    const from = counted.map((i) => i.issueDate).sort()[0];
    const to = '2027-12-31';
    const expected = sumBy(
      counted,
      (i) => `${i.issueDate.slice(0, 7)}-01`,
      (i) => i.totalCents,
    );

    const rows = await series('admin', { granularity: 'MONTH', from, to, measure: 'INVOICED' });
    const months = rows.map((r) => r.periodStart);
    expect(months[0]).toBe(`${from.slice(0, 7)}-01`);
    expect(months.at(-1)).toBe('2027-12-01');
    expect(new Set(months).size).toBe(months.length); // one currency in the demo data: one row a month
    for (const row of rows) {
      expect(row.amount).toEqual({ amountCents: expected.get(row.periodStart) ?? 0, currency: 'USD' });
    }
    expect(rows.reduce((sum, r) => sum + r.amount.amountCents, 0)).toBe(counted.reduce((s, i) => s + i.totalCents, 0));
    expect(rows.some((r) => r.amount.amountCents === 0 && r.count === 0)).toBe(true);
  });

  it('buckets by ISO week (Monday) and by quarter', async () => {
    const counted = (await invoices()).filter((i) => INVOICED.has(i.status));
    const monday = (date: string) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const quarter = (date: string) =>
      `${date.slice(0, 4)}-${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const from = '2025-01-01';
    const to = '2026-12-31';
    const inRange = counted.filter((i) => i.issueDate >= from && i.issueDate <= to);

    const weeks = await series('admin', { granularity: 'WEEK', from, to });
    const byWeek = sumBy(
      inRange,
      (i) => monday(i.issueDate),
      (i) => i.totalCents,
    );
    expect(weeks[0].periodStart).toBe('2024-12-30');
    for (const row of weeks) expect(row.amount.amountCents).toBe(byWeek.get(row.periodStart) ?? 0);

    const quarters = await series('admin', { granularity: 'QUARTER', from, to });
    expect(quarters.map((r) => r.periodStart)).toEqual([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
    const byQuarter = sumBy(
      inRange,
      (i) => quarter(i.issueDate),
      (i) => i.totalCents,
    );
    for (const row of quarters) expect(row.amount.amountCents).toBe(byQuarter.get(row.periodStart) ?? 0);
  });

  it('adds up payments by the day they were received', async () => {
    const payments = await server.sql<{ paidAt: unknown; amountCents: unknown }>(
      'SELECT paidAt, amountCents FROM invoice_payment',
    );
    expect(payments.length).toBeGreaterThan(0);
    const paidDay = (value: unknown) =>
      (value instanceof Date ? value.toISOString() : `${String(value).replace(' ', 'T')}Z`).slice(0, 10);
    const byYear = sumBy(
      payments,
      (p) => `${paidDay(p.paidAt).slice(0, 4)}-01-01`,
      (p) => Number(p.amountCents),
    );
    const rows = await series('admin', {
      granularity: 'YEAR',
      from: '2020-01-01',
      to: '2027-12-31',
      measure: 'COLLECTED',
    });
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row.amount.amountCents).toBe(byYear.get(row.periodStart) ?? 0);
  });

  it("cuts an account manager's figures to their portfolio, per account", async () => {
    const mine = await portfolioOf('jordan');
    const counted = (await invoices()).filter((i) => INVOICED.has(i.status) && mine.has(i.accountId));
    expect(counted.length).toBeGreaterThan(0);
    const rows = await series('jordan', {
      granularity: 'YEAR',
      from: '2020-01-01',
      to: '2027-12-31',
      groupBy: 'ACCOUNT',
    });
    const byAccount = sumBy(
      rows,
      (r) => r.groupLabel!,
      (r) => r.amount.amountCents,
    );
    const names = new Map(
      (await server.sql<{ id: number; name: string }>('SELECT id, name FROM account')).map((a) => [
        Number(a.id),
        a.name,
      ]),
    );
    const expected = sumBy(
      counted,
      (i) => names.get(i.accountId)!,
      (i) => i.totalCents,
    );
    expect(Object.fromEntries(byAccount)).toEqual(Object.fromEntries(expected));
    // Every account group has all eight years, and each key is the account's global id.
    expect(rows.length).toBe(expected.size * 8);
    const account = await server.gql('jordan', 'query ($id: ID!) { node(id: $id) { ... on Account { name } } }', {
      id: rows[0].groupKey,
    });
    expect(account.body.data!.node.name).toBe(rows[0].groupLabel);
  });

  it('never adds amounts across currencies', async () => {
    const [invoice] = await server.sql<{ id: number; totalCents: unknown; issueDate: unknown }>(
      "SELECT id, totalCents, issueDate FROM invoice WHERE status = 'PAID' ORDER BY id LIMIT 1",
    );
    const year = day(invoice.issueDate).slice(0, 4);
    const range = { granularity: 'YEAR', from: `${year}-01-01`, to: `${year}-12-31` };
    const before = await series('admin', range);
    await server.sql("UPDATE invoice SET currency = 'EUR' WHERE id = ?", [invoice.id]);
    try {
      const after = await series('admin', range);
      const usd = after.find((r) => r.currency === 'USD')!;
      const eur = after.find((r) => r.currency === 'EUR')!;
      expect(eur.amount).toEqual({ amountCents: Number(invoice.totalCents), currency: 'EUR' });
      expect(usd.amount.amountCents).toBe(before[0].amount.amountCents - Number(invoice.totalCents));
    } finally {
      await server.sql("UPDATE invoice SET currency = 'USD' WHERE id = ?", [invoice.id]);
    }
  });

  it('shows empty periods as zero, and refuses a reversed or oversized range', async () => {
    const empty = await series('admin', { granularity: 'MONTH', from: '2090-01-15', to: '2090-03-01' });
    expect(empty.map((r) => [r.periodStart, r.amount.amountCents, r.count])).toEqual([
      ['2090-01-01', 0, 0],
      ['2090-02-01', 0, 0],
      ['2090-03-01', 0, 0],
    ]);
    const reversed = await server.gql('admin', SERIES, { granularity: 'DAY', from: '2026-02-01', to: '2026-01-01' });
    expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
    const huge = await server.gql('admin', SERIES, { granularity: 'DAY', from: '1900-01-01', to: '2099-12-31' });
    expect(errorCodes(huge)).toEqual(['BAD_USER_INPUT']);
    expect(huge.body.errors![0].message).toMatch(/at most 20000/);
  });
});

describe('receivablesAging', () => {
  const AGING = `query ($groupBy: AgingGroupBy) { analytics { receivablesAging(groupBy: $groupBy) {
    groupKey groupLabel currency current { amountCents } days1To30 { amountCents } days31To60 { amountCents }
    days61To90 { amountCents } over90Days { amountCents } total { amountCents } invoiceCount } } }`;

  function bucketOf(dueDate: string, today: string): string {
    const late = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
    if (late <= 0) return 'current';
    if (late <= 30) return 'days1To30';
    if (late <= 60) return 'days31To60';
    if (late <= 90) return 'days61To90';
    return 'over90Days';
  }

  it('puts every balance owed on a sent invoice in its past-due bucket, per account manager portfolio', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const who of ['admin', 'jordan'] as const) {
      const reach = who === 'admin' ? null : await portfolioOf(who);
      const owed = (await invoices()).filter(
        (i) =>
          ['SENT', 'PARTIALLY_PAID'].includes(i.status) &&
          i.paidCents < i.totalCents &&
          (!reach || reach.has(i.accountId)),
      );
      const expected = sumBy(
        owed,
        (i) => bucketOf(i.dueDate, today),
        (i) => i.totalCents - i.paidCents,
      );
      const response = await server.gql(who, AGING, { groupBy: 'NONE' });
      expect(response.body.errors).toBeUndefined();
      const rows = response.body.data!.analytics.receivablesAging;
      expect(rows).toHaveLength(owed.length ? 1 : 0);
      if (!owed.length) continue;
      const [row] = rows;
      for (const bucket of ['current', 'days1To30', 'days31To60', 'days61To90', 'over90Days']) {
        expect([who, bucket, row[bucket].amountCents]).toEqual([who, bucket, expected.get(bucket) ?? 0]);
      }
      expect(row.total.amountCents).toBe(owed.reduce((s, i) => s + i.totalCents - i.paidCents, 0));
      expect(row.invoiceCount).toBe(owed.length);
    }
  });

  it('adds up exactly the balanceDue the invoices show, which is zero unless an invoice is sent', async () => {
    let after: string | null = null;
    const owed = new Map<string, number>();
    do {
      const page: any = await server.gql(
        'admin',
        'query ($after: String) { invoices(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { status balanceDue { amountCents currency } } } } }',
        { after },
      );
      for (const { node } of page.body.data.invoices.edges) {
        if (!['SENT', 'PARTIALLY_PAID'].includes(node.status))
          expect([node.status, node.balanceDue.amountCents]).toEqual([node.status, 0]);
        owed.set(node.balanceDue.currency, (owed.get(node.balanceDue.currency) ?? 0) + node.balanceDue.amountCents);
      }
      after = page.body.data.invoices.pageInfo.hasNextPage ? page.body.data.invoices.pageInfo.endCursor : null;
    } while (after);
    const aging = await server.gql('admin', AGING, { groupBy: 'NONE' });
    const totals = new Map(
      aging.body.data!.analytics.receivablesAging.map((row: any) => [row.currency, row.total.amountCents]),
    );
    expect(totals).toEqual(new Map([...owed].filter(([, cents]) => cents > 0)));
  });

  it('never counts draft, pending, approved-unsent, paid or void invoices as owed', async () => {
    const response = await server.gql('admin', AGING, { groupBy: 'ACCOUNT' });
    const total = response.body.data!.analytics.receivablesAging.reduce(
      (s: number, r: any) => s + r.total.amountCents,
      0,
    );
    const owed = (await invoices())
      .filter((i) => ['SENT', 'PARTIALLY_PAID'].includes(i.status))
      .reduce((s, i) => s + i.totalCents - i.paidCents, 0);
    expect(total).toBe(owed);
    const unowed = (await invoices()).filter((i) => ['DRAFT', 'PENDING_APPROVAL', 'VOID'].includes(i.status));
    expect(unowed.length).toBeGreaterThan(0);
  });
});

describe('slaPerformance', () => {
  const SLA = `query ($from: LocalDate!, $to: LocalDate!) { analytics { slaPerformance(granularity: YEAR, from: $from, to: $to) {
    periodStart severity opened responded respondedWithinSla resolved resolvedWithinSla breached breachRate
    medianSecondsToRespond p90SecondsToRespond medianSecondsToResolve p90SecondsToResolve } } }`;

  /** A DATETIME as the driver returns it (a Date on MariaDB, UTC text on SQLite), in epoch milliseconds. */
  const at = (value: Date | string | null): number | null =>
    value === null ? null : value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);

  /** Nearest rank: the smallest value with at least `share` of the values at or below it. */
  function percentile(values: number[], share: number): number | null {
    if (!values.length) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.ceil(share * sorted.length) - 1];
  }

  it('counts, rates and times each severity from the issues themselves', async () => {
    const issues = (
      await server.sql<Record<string, Date | string | null>>(
        'SELECT severity, reportedAt, responseDueAt, resolutionDueAt, firstResponseAt, resolvedAt FROM client_issue',
      )
    ).map((r) => ({
      severity: String(r.severity),
      reported: at(r.reportedAt)!,
      responseDue: at(r.responseDueAt)!,
      resolutionDue: at(r.resolutionDueAt)!,
      responded: at(r.firstResponseAt),
      resolved: at(r.resolvedAt),
    }));
    expect(issues.length).toBeGreaterThan(0);
    const now = Date.now();
    const response = await server.gql('admin', SLA, { from: '2000-01-01', to: '2099-12-31' });
    expect(response.body.errors).toBeUndefined();
    const rows = response.body.data!.analytics.slaPerformance as any[];
    expect(rows).toHaveLength(100 * 4); // every year and severity, empty ones included
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']) {
      for (const year of [...new Set(issues.map((i) => new Date(i.reported).getUTCFullYear()))]) {
        const mine = issues.filter((i) => i.severity === severity && new Date(i.reported).getUTCFullYear() === year);
        const row = rows.find((r) => r.severity === severity && r.periodStart === `${year}-01-01`);
        const late = (done: number | null, due: number) => (done === null ? now > due : done > due);
        const breached = mine.filter(
          (i) => late(i.responded, i.responseDue) || late(i.resolved, i.resolutionDue),
        ).length;
        const toRespond = mine
          .filter((i) => i.responded !== null)
          .map((i) => Math.trunc((i.responded! - i.reported) / 1000));
        const toResolve = mine
          .filter((i) => i.resolved !== null)
          .map((i) => Math.trunc((i.resolved! - i.reported) / 1000));
        expect(row).toEqual({
          periodStart: `${year}-01-01`,
          severity,
          opened: mine.length,
          responded: toRespond.length,
          respondedWithinSla: mine.filter((i) => i.responded !== null && i.responded <= i.responseDue).length,
          resolved: toResolve.length,
          resolvedWithinSla: mine.filter((i) => i.resolved !== null && i.resolved <= i.resolutionDue).length,
          breached,
          breachRate: mine.length ? breached / mine.length : null,
          medianSecondsToRespond: percentile(toRespond, 0.5),
          p90SecondsToRespond: percentile(toRespond, 0.9),
          medianSecondsToResolve: percentile(toResolve, 0.5),
          p90SecondsToResolve: percentile(toResolve, 0.9),
        });
      }
    }
  });
});

describe('renewalForecast', () => {
  it('splits the value of the contracts ending each month into renewed, lost and pending', async () => {
    const contracts = (
      await server.sql<Record<string, unknown>>('SELECT status, endDate, currency, valueCents FROM contract')
    ).map((c) => ({
      status: String(c.status),
      month: `${day(c.endDate).slice(0, 7)}-01`,
      currency: String(c.currency),
      value: Number(c.valueCents),
    }));
    const signed = contracts.filter((c) => ['ACTIVE', 'RENEWED', 'EXPIRED', 'TERMINATED'].includes(c.status));
    expect(signed.length).toBeGreaterThan(0);
    const response = await server.gql(
      'admin',
      `{ analytics { renewalForecast(from: "2020-01-01", to: "2030-12-31") {
        periodStart currency contracts upForRenewal { amountCents } renewed { amountCents } lost { amountCents } pending { amountCents } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const rows = response.body.data!.analytics.renewalForecast as any[];
    expect(rows).toHaveLength(11 * 12 * new Set(signed.map((c) => c.currency)).size);
    for (const row of rows) {
      const mine = signed.filter((c) => c.month === row.periodStart && c.currency === row.currency);
      const sum = (statuses: string[]) =>
        mine.filter((c) => statuses.includes(c.status)).reduce((s, c) => s + c.value, 0);
      expect(row).toEqual({
        periodStart: row.periodStart,
        currency: row.currency,
        contracts: mine.length,
        upForRenewal: { amountCents: sum(['ACTIVE', 'RENEWED', 'EXPIRED', 'TERMINATED']) },
        renewed: { amountCents: sum(['RENEWED']) },
        lost: { amountCents: sum(['EXPIRED', 'TERMINATED']) },
        pending: { amountCents: sum(['ACTIVE']) },
      });
    }
  });
});

describe('projectMargins', () => {
  it("matches each project's own figures, as the project API computes them", async () => {
    const rows = (
      await server.gql(
        'admin',
        '{ analytics { projectMargins { projectId projectName currency budget { amountCents } actualCost { amountCents } revenue { amountCents } margin { amountCents } marginPercent isProfitable } } }',
      )
    ).body.data!.analytics.projectMargins as any[];
    const total = await server.count('SELECT COUNT(*) AS n FROM project');
    expect(rows).toHaveLength(total);
    for (const row of rows.slice(0, 25)) {
      const project = (
        await server.gql(
          'admin',
          'query ($id: ID!) { node(id: $id) { ... on Project { name budget { amountCents } actualCost { amountCents } revenue { amountCents } margin { amountCents } marginPercent isProfitable } } }',
          { id: row.projectId },
        )
      ).body.data!.node;
      expect({
        name: row.projectName,
        budget: row.budget,
        actualCost: row.actualCost,
        revenue: row.revenue,
        margin: row.margin,
        marginPercent: row.marginPercent,
        isProfitable: row.isProfitable,
      }).toEqual({ ...project, name: project.name });
    }
    const mine = (await server.gql('jordan', '{ analytics { projectMargins { projectId } } }')).body.data!.analytics
      .projectMargins;
    const listed = await server.gql('jordan', '{ projects(first: 1) { totalCount } }');
    expect(mine).toHaveLength(listed.body.data!.projects.totalCount);
  });
});

describe('portfolioHealth', () => {
  it('counts projects at their latest report by each week end, and accounts at their worst project', async () => {
    const updates = (
      await server.sql<Record<string, Date | string>>(
        'SELECT u.projectId, u.postedAt, u.id, u.overall, p.accountId FROM status_update u JOIN project p ON p.id = u.projectId',
      )
    ).map((u) => ({
      projectId: Number(u.projectId),
      accountId: Number(u.accountId),
      id: Number(u.id),
      overall: String(u.overall),
      posted:
        u.postedAt instanceof Date ? u.postedAt.getTime() : Date.parse(`${String(u.postedAt).replace(' ', 'T')}Z`),
    }));
    expect(updates.length).toBeGreaterThan(0);
    const lastPosted = new Date(Math.max(...updates.map((u) => u.posted)));
    const to = lastPosted.toISOString().slice(0, 10);
    const from = new Date(lastPosted.getTime() - 8 * 7 * 86_400_000).toISOString().slice(0, 10);
    const response = await server.gql(
      'admin',
      'query ($from: LocalDate!, $to: LocalDate!) { analytics { portfolioHealth(from: $from, to: $to) { weekOf subject health count } } }',
      { from, to },
    );
    expect(response.body.errors).toBeUndefined();
    const rows = response.body.data!.analytics.portfolioHealth as any[];
    const weeks = [...new Set(rows.map((r) => r.weekOf))];
    expect(weeks.length).toBeGreaterThanOrEqual(9);
    const rank: Record<string, number> = { GREEN: 1, AMBER: 2, RED: 3 };
    for (const weekOf of weeks) {
      const end = Date.parse(`${weekOf}T00:00:00Z`) + 7 * 86_400_000;
      const latest = new Map<number, (typeof updates)[number]>();
      for (const u of updates) {
        const seen = latest.get(u.projectId);
        if (u.posted < end && (!seen || u.posted > seen.posted || (u.posted === seen.posted && u.id > seen.id)))
          latest.set(u.projectId, u);
      }
      const worst = new Map<number, string>();
      for (const u of latest.values()) {
        const current = worst.get(u.accountId);
        if (!current || rank[u.overall] > rank[current]) worst.set(u.accountId, u.overall);
      }
      for (const health of ['GREEN', 'AMBER', 'RED']) {
        const projectCount = [...latest.values()].filter((u) => u.overall === health).length;
        const accountCount = [...worst.values()].filter((h) => h === health).length;
        const get = (subject: string) =>
          rows.find((r) => r.weekOf === weekOf && r.subject === subject && r.health === health).count;
        expect([weekOf, health, get('PROJECT'), get('ACCOUNT')]).toEqual([weekOf, health, projectCount, accountCount]);
      }
    }
  });
});

describe('portfolioSummary', () => {
  const SUMMARY = `{ analytics { portfolioSummary { accounts accountsByStatus { key count } accountsByTier { key count }
    accountsByKind { key count } accountsByHealth { key count } membersReached annualContractValue { amountCents currency }
    renewalsDue { withinDays currency contracts value { amountCents } } overdueBalance { amountCents currency }
    openIssuesBySeverity { key count } issuesResolved slaAttainment } } }`;

  it("adds up an account manager's portfolio from its rows", async () => {
    const mine = await portfolioOf('jordan');
    const inMine = (accountId: unknown) => mine.has(Number(accountId));
    const accounts = (
      await server.sql<Record<string, unknown>>('SELECT id, status, tier, kind, membersReached FROM account')
    ).filter((a) => inMine(a.id));
    const contracts = (
      await server.sql<Record<string, unknown>>(
        'SELECT accountId, status, startDate, endDate, valueCents, currency FROM contract',
      )
    ).filter((c) => inMine(c.accountId));
    const theirInvoices = (await invoices()).filter((i) => mine.has(i.accountId));
    const issues = (
      await server.sql<Record<string, Date | string | null>>(
        'SELECT accountId, severity, status, resolvedAt, resolutionDueAt FROM client_issue',
      )
    ).filter((c) => inMine(c.accountId));
    const today = new Date().toISOString().slice(0, 10);
    const days = (from: string, to: string) =>
      Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    const countBy = (rows: Record<string, unknown>[], key: string) =>
      [
        ...sumBy(
          rows,
          (r) => String(r[key]),
          () => 1,
        ),
      ]
        .map(([k, count]) => ({ key: k, count }))
        .sort((x, y) => x.key.localeCompare(y.key));
    const active = contracts.filter((c) => c.status === 'ACTIVE');
    const acv = sumBy(
      active,
      (c) => String(c.currency),
      (c) => Math.floor((Number(c.valueCents) * 365) / (days(day(c.startDate), day(c.endDate)) + 1)),
    );
    const overdue = sumBy(
      theirInvoices.filter(
        (i) => ['SENT', 'PARTIALLY_PAID'].includes(i.status) && i.paidCents < i.totalCents && i.dueDate < today,
      ),
      (i) => i.currency,
      (i) => i.totalCents - i.paidCents,
    );
    const resolved = issues.filter((c) => c.resolvedAt !== null);
    const ms = (v: Date | string | null) =>
      v instanceof Date ? v.getTime() : Date.parse(`${String(v).replace(' ', 'T')}Z`);
    const within = resolved.filter((c) => ms(c.resolvedAt) <= ms(c.resolutionDueAt)).length;

    // Each account's band as `Account.health` states it (scored in TypeScript from its facts).
    const healthPage = await server.gql('jordan', '{ accounts(first: 100) { edges { node { health { band } } } } }');
    const bands = healthPage.body.data!.accounts.edges.map((e: any) => ({ band: e.node.health.band }));
    expect(bands).toHaveLength(accounts.length);

    const response = await server.gql('jordan', SUMMARY);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.analytics.portfolioSummary).toEqual({
      accounts: accounts.length,
      accountsByStatus: countBy(accounts, 'status'),
      accountsByTier: countBy(accounts, 'tier'),
      accountsByKind: countBy(accounts, 'kind'),
      accountsByHealth: countBy(bands, 'band'),
      membersReached: accounts.reduce((s, a) => s + Number(a.membersReached), 0),
      annualContractValue: [...acv].map(([currency, amountCents]) => ({ amountCents, currency })),
      renewalsDue: [30, 60, 90, 180].flatMap((withinDays) =>
        [...new Set(active.filter((c) => day(c.endDate) >= today).map((c) => String(c.currency)))]
          .sort()
          .map((currency) => {
            const due = active.filter(
              (c) => c.currency === currency && day(c.endDate) >= today && days(today, day(c.endDate)) <= withinDays,
            );
            return {
              withinDays,
              currency,
              contracts: due.length,
              value: { amountCents: due.reduce((s, c) => s + Number(c.valueCents), 0) },
            };
          }),
      ),
      overdueBalance: [...overdue].map(([currency, amountCents]) => ({ amountCents, currency })),
      openIssuesBySeverity: countBy(
        issues.filter((c) => !['RESOLVED', 'CLOSED'].includes(String(c.status))),
        'severity',
      ),
      issuesResolved: resolved.length,
      slaAttainment: resolved.length ? within / resolved.length : null,
    });
    expect(accounts.length).toBeGreaterThan(0);
  });
});
