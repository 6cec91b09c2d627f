import type { EntityManager } from 'typeorm';
import { stampNew, type BaseRecord } from '../src/common/base.entity';
import { addDays, todayUtc } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { Account } from '../src/modules/account/account.entity';
import { readHealthFacts, writeHealthSnapshots } from '../src/modules/account-health/account-health.service';
import { HealthScoreWeight } from '../src/modules/account-health/account-health.entity';
import {
  DEFAULT_HEALTH_WEIGHTS,
  deliveryScore,
  engagementScore,
  financeScore,
  HEALTH_COMPONENTS,
  healthBand,
  healthScoreSql,
  healthSqlParams,
  type HealthComponent,
  issuesScore,
  overallScore,
  renewalScore,
} from '../src/modules/account-health/health.rules';
import { ClientIssue } from '../src/modules/client-issue/client-issue.entity';
import { ClientIssueSeverity, slaClock } from '../src/modules/client-issue/sla';
import { DEFAULT_SLA_POLICY } from '../src/config/sla-terms';
import { Communication } from '../src/modules/communication/communication.entity';
import { Contract } from '../src/modules/contract/contract.entity';
import { Invoice } from '../src/modules/invoice/invoice.entity';
import { InvoiceStatus } from '../src/modules/invoice/invoicing.rules';
import { Health, Project } from '../src/modules/project/project.entity';
import pino from 'pino';
import { recordDailyHealth, startHealthSnapshots } from '../src/modules/account-health/health-snapshots';
import { errorCodes, TestServer } from './support/harness';

/** The account health score: components against the rows, weights, order and filter, history, scope. */
let server: TestServer;
let em: EntityManager;
let troubled: Account;
let healthy: Account;
const DAY = 86_400_000;

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** A copy of `template` as a new row (a fresh id), with `changes` applied. */
function copyOf<T extends BaseRecord>(template: T, changes: Partial<T>): T {
  const row = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as T, template, changes);
  delete (row as { id?: number }).id;
  return stampNew(row);
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-H${Date.now() % 100000}-${++sequence}`;

async function addProject(account: Account, name: string, health: Health | null) {
  const template = await em.findOneByOrFail(Project, {});
  await em.save(copyOf(template, { accountId: account.id, contractId: null, name, status: 'ACTIVE' as never, health }));
}

async function addIssue(account: Account, severity: ClientIssueSeverity, reportedDaysAgo: number) {
  const template = await em.findOneByOrFail(ClientIssue, {});
  const reportedAt = new Date(Date.now() - reportedDaysAgo * DAY);
  await em.save(
    copyOf(template, {
      accountId: account.id,
      number: unique('CI'),
      severity,
      status: 'OPEN' as never,
      reportedAt,
      ...slaClock(reportedAt, DEFAULT_SLA_POLICY[severity]),
      firstResponseAt: null,
      resolvedAt: null,
    } as Partial<ClientIssue>),
  );
}

async function addContract(account: Account, changes: Partial<Contract>): Promise<Contract> {
  const template = await em.findOneByOrFail(Contract, {});
  return em.save(
    copyOf(template, {
      accountId: account.id,
      number: unique('C'),
      status: 'ACTIVE' as never,
      renewalOfId: null,
      ...changes,
    }),
  );
}

async function addCommunication(account: Account, daysAgo: number) {
  const loggedById = account.ownerId!;
  await em.save(
    stampNew(
      Object.assign(new Communication(), {
        accountId: account.id,
        type: 'MEETING',
        direction: 'OUTBOUND',
        occurredAt: new Date(Date.now() - daysAgo * DAY),
        subject: 'Quarterly check-in',
        summary: null,
        loggedById,
      }),
    ),
  );
}

const HEALTH_FIELDS = `health { score band computedAt components { component weight score contribution explanation } }`;

async function healthOf(who: Parameters<TestServer['gql']>[0], account: Account) {
  const response = await server.gql(
    who,
    `query ($id: ID!) { node(id: $id) { ... on Account { name ${HEALTH_FIELDS} } } }`,
    {
      id: gid('Account', account.id),
    },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.node as null | {
    name: string;
    health: {
      score: number;
      band: string;
      components: {
        component: string;
        weight: number;
        score: number;
        contribution: number;
        explanation: string;
      }[];
    };
  };
}

/** Every component of every account computed in TypeScript from its rows, as of `now`. */
async function scoresFromRows(now: Date): Promise<Map<number, Record<HealthComponent, number>>> {
  const today = todayUtc(now);
  const [accounts, projects, issues, invoices, contracts, communications] = await Promise.all([
    em.find(Account),
    em.find(Project),
    em.find(ClientIssue),
    em.find(Invoice),
    em.find(Contract),
    em.find(Communication),
  ]);
  const of = <T extends { accountId: number }>(rows: T[], id: number) => rows.filter((row) => row.accountId === id);
  const result = new Map<number, Record<HealthComponent, number>>();
  for (const account of accounts) {
    const last = of(communications, account.id).reduce<Date | null>(
      (max, c) => (!max || c.occurredAt > max ? c.occurredAt : max),
      null,
    );
    result.set(account.id, {
      DELIVERY: deliveryScore(of(projects, account.id)),
      ISSUES: issuesScore(of(issues, account.id), now),
      FINANCE: financeScore(of(invoices, account.id), of(contracts, account.id), today),
      RENEWAL: renewalScore(of(contracts, account.id), today),
      ENGAGEMENT: engagementScore(last, today),
    });
  }
  return result;
}

beforeAll(async () => {
  server = await TestServer.start();
  em = server.db.dataSource.manager;
  const [jordan] = await server.sql<{ id: number }>(
    "SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example'",
  );
  const template = await em.findOneByOrFail(Account, { ownerId: Number(jordan.id) });
  troubled = await em.save(copyOf(template, { name: 'Health Trouble Plan', parentId: null }));
  healthy = await em.save(copyOf(template, { name: 'Health Fine Plan', parentId: null }));

  // The troubled account: a RED project, a breached CRITICAL issue, an overdue invoice, a renewal
  // notice due in 10 days with no renewal started, and no contact for 120 days.
  await addProject(troubled, 'Claims Feed Integration', Health.RED);
  await addProject(troubled, 'Member Portal Refresh', Health.GREEN);
  await addIssue(troubled, ClientIssueSeverity.CRITICAL, 10);
  const today = todayUtc();
  const contract = await addContract(troubled, {
    startDate: addDays(today, -265),
    endDate: addDays(today, 100),
    noticePeriodDays: 90,
    noticeDeadline: addDays(today, 10),
    autoRenew: false,
    valueCents: 36_500_000,
    currency: 'USD',
  });
  const invoiceTemplate = await em.findOneByOrFail(Invoice, {});
  await em.save(
    copyOf(invoiceTemplate, {
      accountId: troubled.id,
      contractId: contract.id,
      number: unique('INV'),
      status: InvoiceStatus.SENT,
      currency: 'USD',
      totalCents: 4_500_000,
      paidCents: 0,
      dueDate: addDays(today, -20),
    }),
  );
  await addCommunication(troubled, 120);

  // The healthy one: a GREEN project, an auto-renewing contract, a meeting three days ago.
  await addProject(healthy, 'Transparency Tool Rollout', Health.GREEN);
  await addContract(healthy, {
    startDate: addDays(today, -30),
    endDate: addDays(today, 335),
    noticePeriodDays: 90,
    noticeDeadline: addDays(today, 245),
    autoRenew: true,
    valueCents: 50_000_000,
    currency: 'USD',
  });
  await addCommunication(healthy, 3);
});

afterAll(async () => {
  await server.close();
});

describe('Account.health', () => {
  it('scores and explains each component of a troubled account from its records', async () => {
    const node = await healthOf('jordan', troubled);
    const byKind = Object.fromEntries(node!.health.components.map((c) => [c.component, c]));
    // One of two active projects RED: half the delivery score.
    expect(byKind.DELIVERY).toMatchObject({ score: 50, weight: 25 });
    expect(byKind.DELIVERY.explanation).toBe('1 of 2 active projects is RED: Claims Feed Integration.');
    // A breached CRITICAL issue costs 4 × 10 points.
    expect(byKind.ISSUES.score).toBe(60);
    expect(byKind.ISSUES.explanation).toBe('1 open client issue, 1 breached (1 CRITICAL).');
    // USD 45,000 overdue against USD 365,000 × 365 / 366 days a year: 100 - floor(4.5M × 200 / 364,002.73...).
    const annual = Math.floor((36_500_000 * 365) / 366);
    expect(byKind.FINANCE.score).toBe(100 - Math.floor((4_500_000 * 200) / annual));
    expect(byKind.FINANCE.explanation).toMatch(
      /^USD 45,000\.00 overdue against USD 364,002\.73 of annual contract value \(12%\)\.$/,
    );
    // Notice due in 10 days, no renewal started: 10 × 100 / 90.
    expect(byKind.RENEWAL.score).toBe(11);
    expect(byKind.RENEWAL.explanation).toMatch(/notice deadline .*, in 10 days; no renewal started\.$/);
    // 120 days without contact: nothing left of engagement.
    expect(byKind.ENGAGEMENT.score).toBe(0);
    expect(byKind.ENGAGEMENT.explanation).toMatch(/^Last contact 120 days ago/);

    const scores = Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, byKind[c].score])) as Record<
      HealthComponent,
      number
    >;
    expect(node!.health.score).toBe(overallScore(scores, DEFAULT_HEALTH_WEIGHTS));
    expect(node!.health.band).toBe('AT_RISK');
    // Worst first, and the contributions add up to the unrounded score.
    expect(node!.health.components.map((c) => c.score)).toEqual(
      [...node!.health.components.map((c) => c.score)].sort((a, b) => a - b),
    );
    const sum = node!.health.components.reduce((total, c) => total + c.contribution, 0);
    expect(Math.abs(sum - node!.health.score)).toBeLessThanOrEqual(0.5);
  });

  it('scores a healthy account HEALTHY with every component at 100', async () => {
    const node = await healthOf('jordan', healthy);
    expect(node!.health).toMatchObject({ score: 100, band: 'HEALTHY' });
    const byKind = Object.fromEntries(node!.health.components.map((c) => [c.component, c]));
    expect(byKind.RENEWAL.explanation).toMatch(/it renews by itself\.$/);
    expect(byKind.ISSUES.explanation).toBe('No open client issues.');
    expect(byKind.FINANCE.explanation).toBe('Nothing overdue.');
  });

  it.each(['NAME', 'HEALTH'])(
    'is read for a whole page of accounts in a constant number of statements (ordered by %s, as a senior)',
    async (field) => {
      const query = `query ($first: Int!, $field: AccountOrderField!) {
        accounts(first: $first, orderBy: { field: $field }) { edges { node { name owner { name } ${HEALTH_FIELDS} } } }
      }`;
      const token = await server.signedIn('marcus');
      const count = async (first: number) => {
        server.resetQueries();
        const response = await server.post(
          { query, variables: { first, field } },
          { authorization: `Bearer ${token}` },
        );
        expect(response.body.errors).toBeUndefined();
        expect((response.body.data as any).accounts.edges.length).toBeGreaterThanOrEqual(Math.min(first, 30));
        return server.queries.length;
      };
      const small = await count(5);
      const large = await count(40);
      expect(large).toBe(small);
      // The page, the weights, the health facts, the RED projects' names.
      expect(large).toBeLessThanOrEqual(4);
    },
  );
});

describe('healthScoreWeights', () => {
  const SET = `mutation ($input: SetHealthScoreWeightsInput!) {
    setHealthScoreWeights(input: $input) { weights { isDefault version weights { component weight } } }
  }`;
  const weights = (values: Partial<Record<HealthComponent, number>>) =>
    HEALTH_COMPONENTS.map((component) => ({ component, weight: values[component] ?? 0 }));

  async function current() {
    const response = await server.gql(
      Role.ADMIN,
      '{ healthScoreWeights { isDefault version weights { component weight } } }',
    );
    return response.body.data!.healthScoreWeights as { isDefault: boolean; version: number };
  }

  it('starts at the defaults, readable by everyone', async () => {
    const response = await server.gql(
      Role.BI_READER,
      '{ healthScoreWeights { isDefault version weights { component weight } } }',
    );
    expect(response.body.data!.healthScoreWeights).toEqual({
      isDefault: true,
      version: 1,
      weights: HEALTH_COMPONENTS.map((component) => ({ component, weight: DEFAULT_HEALTH_WEIGHTS[component] })),
    });
  });

  it.each([Role.EXECUTIVE, Role.SENIOR_ACCOUNT_MANAGER, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.BI_READER])(
    'are set by admins only (%s is refused)',
    async (role) => {
      const response = await server.gql(role, SET, {
        input: { weights: weights({ DELIVERY: 1 }), expectedVersion: 1 },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    },
  );

  it.each([
    ['a negative weight', weights({ DELIVERY: -1, ISSUES: 5 })],
    ['all weights zero', weights({})],
    ['a component missing', weights({ DELIVERY: 1 }).slice(1)],
    ['a component twice', [...weights({ DELIVERY: 1 }), { component: 'DELIVERY', weight: 2 }]],
    ['a fraction', weights({ DELIVERY: 1.5 })],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, given) => {
    const response = await server.gql(Role.ADMIN, SET, { input: { weights: given, expectedVersion: 1 } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await current()).toMatchObject({ isDefault: true, version: 1 });
  });

  it('change the score as stated, audited; a stale version is a CONFLICT; racing admins: one wins', async () => {
    const before = await healthOf(Role.ADMIN, troubled);
    const delivery = before!.health.components.find((c) => c.component === 'DELIVERY')!.score;

    // Two admins set the weights from the same version at once: one wins, the other is told to reload.
    const [first, second] = await Promise.all([
      server.gql(Role.ADMIN, SET, { input: { weights: weights({ DELIVERY: 1 }), expectedVersion: 1 } }),
      server.gql(Role.ADMIN, SET, { input: { weights: weights({ DELIVERY: 1 }), expectedVersion: 1 } }),
    ]);
    const codes = [errorCodes(first), errorCodes(second)].map((c) => c.join());
    expect(codes.sort()).toEqual(['', 'CONFLICT']);
    expect(await current()).toMatchObject({ isDefault: false, version: 2 });

    // Only DELIVERY weighs: the score is the delivery score.
    const after = await healthOf(Role.ADMIN, troubled);
    expect(after!.health.score).toBe(delivery);
    expect(after!.health.components.find((c) => c.component === 'ISSUES')).toMatchObject({
      weight: 0,
      contribution: 0,
    });

    const stale = await server.gql(Role.ADMIN, SET, { input: { weights: weights({ ISSUES: 1 }), expectedVersion: 1 } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);

    // Back to the defaults, through the API.
    const reset = await server.gql(Role.ADMIN, SET, {
      input: { weights: weights(DEFAULT_HEALTH_WEIGHTS), expectedVersion: 2 },
    });
    expect(reset.body.errors).toBeUndefined();
    expect((await healthOf(Role.ADMIN, troubled))!.health.score).toBe(before!.health.score);
    expect(
      await server.count(
        "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'setHealthScoreWeights' AND entityType = 'HealthScoreWeights'",
      ),
    ).toBe(2);
  });
});

describe('accounts(orderBy: HEALTH) and the health filter', () => {
  const PAGE = `query ($first: Int!, $after: String, $filter: AccountFilter, $direction: OrderDirection!) {
    accounts(first: $first, after: $after, filter: $filter, orderBy: { field: HEALTH, direction: $direction }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name health { score band } } }
    }
  }`;

  async function all(who: Parameters<TestServer['gql']>[0], direction: 'ASC' | 'DESC', filter?: unknown, first = 7) {
    const nodes: { id: string; name: string; health: { score: number; band: string } }[] = [];
    let after: string | null = null;
    let total: number;
    for (;;) {
      const response = await server.gql(who, PAGE, { first, after, filter, direction });
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data!.accounts as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: (typeof nodes)[number] }[];
      };
      total = page.totalCount;
      nodes.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { nodes, total };
  }

  const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

  it('orders by (score, id) in both directions, every account once across pages', async () => {
    const asc = await all(Role.EXECUTIVE, 'ASC');
    expect(asc.nodes.length).toBe(asc.total);
    expect(new Set(asc.nodes.map((n) => n.id)).size).toBe(asc.total);
    const sorted = [...asc.nodes].sort((a, b) => a.health.score - b.health.score || rowId(a.id) - rowId(b.id));
    expect(asc.nodes.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
    const desc = await all(Role.EXECUTIVE, 'DESC', undefined, 11);
    expect(desc.nodes.map((n) => n.id)).toEqual([...sorted].reverse().map((n) => n.id));
  });

  it('filters by band and by score range, on the score it shows', async () => {
    const everyone = (await all(Role.EXECUTIVE, 'ASC', undefined, 100)).nodes;
    const atRisk = await all(Role.EXECUTIVE, 'ASC', { health: { bands: ['AT_RISK'] } });
    expect(atRisk.nodes.map((n) => n.id)).toEqual(everyone.filter((n) => n.health.band === 'AT_RISK').map((n) => n.id));
    expect(atRisk.nodes.map((n) => n.name)).toContain('Health Trouble Plan');
    const middle = await all(Role.EXECUTIVE, 'DESC', { health: { minScore: 60, maxScore: 80 } });
    expect(middle.nodes.every((n) => n.health.score >= 60 && n.health.score <= 80)).toBe(true);
    expect(middle.total).toBe(everyone.filter((n) => n.health.score >= 60 && n.health.score <= 80).length);
    expect(middle.total).toBeGreaterThan(0);
    for (const n of everyone) expect(n.health.band).toBe(healthBand(n.health.score));
  });

  it('filters the accounts export the same way', async () => {
    const filter = { health: { bands: ['AT_RISK', 'WATCH'], maxScore: 70 } };
    const listed = await all(Role.EXECUTIVE, 'ASC', filter, 100);
    const response = await fetch(
      `${server.origin}/export/accounts.ndjson?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { headers: { authorization: `Bearer ${await server.token(Role.EXECUTIVE)}` } },
    );
    expect(response.status).toBe(200);
    const exported = (await response.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(exported.sort()).toEqual(listed.nodes.map((n) => n.id).sort());
    expect(exported.length).toBeGreaterThan(0);
  });

  it('refuses a score out of range and a cursor from another order', async () => {
    const bad = await server.gql(Role.EXECUTIVE, PAGE, {
      first: 5,
      direction: 'ASC',
      filter: { health: { minScore: 101 } },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const byName = await server.gql(Role.EXECUTIVE, '{ accounts(first: 1) { pageInfo { endCursor } } }');
    const foreign = await server.gql(Role.EXECUTIVE, PAGE, {
      first: 5,
      direction: 'ASC',
      after: byName.body.data!.accounts.pageInfo.endCursor,
    });
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps an account manager to their portfolio', async () => {
    const jordans = await all('jordan', 'ASC');
    const [row] = await server.sql<{ n: number }>(
      "SELECT COUNT(*) AS n FROM account a WHERE a.ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example') OR EXISTS (SELECT 1 FROM account_team_member t WHERE t.accountId = a.id AND t.userId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example'))",
    );
    expect(jordans.total).toBe(Number(row.n));
    expect(jordans.nodes.map((n) => n.name)).toContain('Health Trouble Plan');
    // Jordan's senior holds Jordan's portfolio; the other team's senior and account manager do not.
    expect((await all('marcus', 'ASC')).nodes.map((n) => n.name)).toContain('Health Trouble Plan');
    expect((await healthOf('marcus', troubled))!.health.band).toBe('AT_RISK');
    for (const other of ['sofia', 'casey'] as const) {
      expect((await all(other, 'ASC')).nodes.map((n) => n.name)).not.toContain('Health Trouble Plan');
      expect(await healthOf(other, troubled)).toBeNull();
    }
  });
});

describe('Account.healthHistory', () => {
  const HISTORY = `query ($id: ID!, $from: LocalDate!, $to: LocalDate!, $first: Int, $after: String) {
    node(id: $id) { ... on Account { healthHistory(from: $from, to: $to, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { day score band delivery issues finance renewal engagement } }
    } } }
  }`;

  it('holds a year of daily snapshots for the demo accounts, paged oldest first', async () => {
    const [account] = await server.sql<{ id: number }>('SELECT MIN(accountId) AS id FROM account_health_snapshot');
    const today = todayUtc();
    const response = await server.gql(Role.EXECUTIVE, HISTORY, {
      id: gid('Account', Number(account.id)),
      from: addDays(today, -400),
      to: today,
      first: 100,
    });
    expect(response.body.errors).toBeUndefined();
    const history = response.body.data!.node.healthHistory;
    expect(history.totalCount).toBe(365);
    const days = history.edges.map((e: any) => e.node.day);
    expect(days[0]).toBe(addDays(today, -364));
    expect(days).toEqual([...days].sort());
    const second = await server.gql(Role.EXECUTIVE, HISTORY, {
      id: gid('Account', Number(account.id)),
      from: addDays(today, -400),
      to: today,
      first: 100,
      after: history.pageInfo.endCursor,
    });
    expect(second.body.data!.node.healthHistory.edges[0].node.day).toBe(addDays(today, -264));
  });

  it('is written once per account and day: writing again replaces the day', async () => {
    const now = new Date();
    const day = todayUtc(now);
    const countFor = () => server.count('SELECT COUNT(*) AS n FROM account_health_snapshot WHERE day = ?', [day]);
    const accounts = await server.count('SELECT COUNT(*) AS n FROM account');
    await server.db.transaction((tx) => writeHealthSnapshots(tx, server.db.dialect, now));
    expect(await countFor()).toBe(accounts);
    await Promise.all([
      server.db.transaction((tx) => writeHealthSnapshots(tx, server.db.dialect, now)),
      server.db.transaction((tx) => writeHealthSnapshots(tx, server.db.dialect, now)),
    ]);
    expect(await countFor()).toBe(accounts);
    const response = await server.gql('jordan', HISTORY, { id: gid('Account', troubled.id), from: day, to: day });
    const node = await healthOf('jordan', troubled);
    expect(response.body.data!.node.healthHistory.edges.map((e: any) => e.node.score)).toEqual([node!.health.score]);
  });

  it("is recorded by the scheduler at start only when today's is missing", async () => {
    const day = todayUtc();
    const accounts = await server.count('SELECT COUNT(*) AS n FROM account');
    await server.sql('DELETE FROM account_health_snapshot WHERE day = ? AND accountId = ?', [day, troubled.id]);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const scheduler = startHealthSnapshots(server.db, logger);
    await scheduler.stop();
    expect(await server.count('SELECT COUNT(*) AS n FROM account_health_snapshot WHERE day = ?', [day])).toBe(accounts);
    expect(lines.join('')).toContain('recorded the daily account health snapshot');
    // Today's are all there now: a second server starting does not write again.
    expect(await recordDailyHealth(server.db)).toBe(0);
  });

  it('is downloadable for dashboards, scoped like the API', async () => {
    const download = async (who: 'jordan' | Role) => {
      const response = await fetch(`${server.origin}/export/account-health-history.ndjson`, {
        headers: { authorization: `Bearer ${await server.token(who)}` },
      });
      expect(response.status).toBe(200);
      return (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { accountId: string; day: string; score: number; band: string });
    };
    const everything = await download(Role.BI_READER);
    expect(everything.length).toBe(await server.count('SELECT COUNT(*) AS n FROM account_health_snapshot'));
    expect(everything[0]).toEqual({
      accountId: expect.any(String),
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      score: expect.any(Number),
      band: healthBand(everything[0].score),
      delivery: expect.any(Number),
      issues: expect.any(Number),
      finance: expect.any(Number),
      renewal: expect.any(Number),
      engagement: expect.any(Number),
      recordedAt: expect.any(String),
    });
    const jordans = new Set((await download('jordan')).map((row) => row.accountId));
    const readable = await server.gql('jordan', '{ accounts(first: 100) { edges { node { id } } } }');
    const recorded = new Set(
      (await server.sql<{ id: number }>('SELECT DISTINCT accountId AS id FROM account_health_snapshot')).map((row) =>
        gid('Account', Number(row.id)),
      ),
    );
    const expected = (readable.body.data!.accounts.edges as { node: { id: string } }[])
      .map((e) => e.node.id)
      .filter((id) => recorded.has(id));
    expect([...jordans].sort()).toEqual(expected.sort());
    expect(jordans.size).toBeGreaterThan(0);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await server.gql(Role.EXECUTIVE, HISTORY, {
      id: gid('Account', troubled.id),
      from: '2026-02-01',
      to: '2026-01-01',
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe("the rule's two forms", () => {
  /** Accounts made for the edges of each component: boundaries to the day, empty and mixed cases. */
  const edges: Record<string, Account> = {};

  async function edge(name: string): Promise<Account> {
    const template = await em.findOneByOrFail(Account, {});
    const account = await em.save(copyOf(template, { name: `Edge: ${name}`, parentId: null }));
    edges[name] = account;
    return account;
  }

  async function contact(account: Account, at: string) {
    await em.save(
      stampNew(
        Object.assign(new Communication(), {
          accountId: account.id,
          type: 'CALL',
          direction: 'INBOUND',
          occurredAt: new Date(at),
          subject: 'Call',
          summary: null,
          loggedById: account.ownerId!,
        }),
      ),
    );
  }

  async function invoice(account: Account, changes: Partial<Invoice>) {
    const template = await em.findOneByOrFail(Invoice, {});
    await em.save(
      copyOf(template, {
        accountId: account.id,
        number: unique('INV'),
        status: InvoiceStatus.SENT,
        paidCents: 0,
        ...changes,
      }),
    );
  }

  beforeAll(async () => {
    const today = todayUtc();
    // ENGAGEMENT: the last contact's calendar day decides, at and either side of 30 and 120 days.
    for (const days of [0, 30, 31, 75, 119, 120, 400, -2]) {
      const account = await edge(`contact ${days} days ago`);
      await contact(account, `${addDays(today, -days)}T${days % 2 ? '00:00:00.000' : '23:59:59.999'}Z`);
      await contact(account, `${addDays(today, -days - 40)}T12:00:00.000Z`);
    }
    // RENEWAL: days to the notice deadline at and either side of 0 and 90; in hand three ways.
    for (const days of [-1, 0, 1, 45, 89, 90]) {
      const account = await edge(`notice in ${days} days`);
      await addContract(account, {
        endDate: addDays(today, Math.max(days, 0) + 30),
        noticeDeadline: addDays(today, days),
        autoRenew: false,
      });
    }
    await addContract(await edge('auto-renews'), {
      endDate: addDays(today, 40),
      noticeDeadline: addDays(today, 5),
      autoRenew: true,
    });
    for (const status of ['DRAFT', 'PENDING_APPROVAL', 'TERMINATED'] as const) {
      const account = await edge(`renewal ${status}`);
      const next = await addContract(account, {
        endDate: addDays(today, 40),
        noticeDeadline: addDays(today, 5),
        autoRenew: false,
      });
      await addContract(account, {
        status: status as never,
        renewalOfId: next.id,
        endDate: addDays(today, 400),
        noticeDeadline: addDays(today, 310),
      });
    }
    const ended = await edge('contract ended yesterday');
    await addContract(ended, { endDate: addDays(today, -1), noticeDeadline: addDays(today, -31), autoRenew: false });
    const two = await edge('two contracts');
    await addContract(two, { endDate: addDays(today, 300), noticeDeadline: addDays(today, 20), autoRenew: false });
    await addContract(two, { endDate: addDays(today, 100), noticeDeadline: addDays(today, 70), autoRenew: true });
    // FINANCE: per currency, the worst counts; due today is not overdue; partly paid; no contract.
    const currencies = await edge('two currencies');
    await addContract(currencies, {
      currency: 'USD',
      valueCents: 10_000_000,
      startDate: addDays(today, -100),
      endDate: addDays(today, 264),
    });
    await addContract(currencies, {
      currency: 'EUR',
      valueCents: 2_000_000,
      startDate: addDays(today, -100),
      endDate: addDays(today, 264),
    });
    await invoice(currencies, { currency: 'USD', totalCents: 4_000_000, dueDate: addDays(today, -1) });
    await invoice(currencies, {
      currency: 'EUR',
      totalCents: 500_000,
      paidCents: 100_000,
      status: InvoiceStatus.PARTIALLY_PAID,
      dueDate: addDays(today, -1),
    });
    await invoice(currencies, { currency: 'EUR', totalCents: 900_000, dueDate: today });
    const orphan = await edge('overdue without a contract');
    await invoice(orphan, { currency: 'GBP', totalCents: 1_000, dueDate: addDays(today, -60) });
    const paid = await edge('overdue but paid or void');
    await invoice(paid, {
      currency: 'USD',
      totalCents: 1_000,
      paidCents: 1_000,
      status: InvoiceStatus.PAID,
      dueDate: addDays(today, -60),
    });
    await invoice(paid, {
      currency: 'USD',
      totalCents: 1_000,
      status: InvoiceStatus.VOID,
      dueDate: addDays(today, -60),
    });
    // ISSUES: a pile that costs more than 100; open but not yet late.
    const pile = await edge('many breached issues');
    for (let i = 0; i < 4; i++) await addIssue(pile, ClientIssueSeverity.CRITICAL, 20);
    const fresh = await edge('fresh LOW and HIGH issues');
    await addIssue(fresh, ClientIssueSeverity.LOW, 0);
    await addIssue(fresh, ClientIssueSeverity.HIGH, 0);
    // DELIVERY: AMBER only, no update yet, finished RED work.
    const amber = await edge('three AMBER of four');
    for (const health of [Health.AMBER, Health.AMBER, Health.AMBER, null])
      await addProject(amber, `Amber ${unique('P')}`, health);
    const done = await edge('only completed RED work');
    const template = await em.findOneByOrFail(Project, {});
    await em.save(
      copyOf(template, {
        accountId: done.id,
        contractId: null,
        name: 'Done',
        status: 'COMPLETED' as never,
        health: Health.RED,
      }),
    );
  });

  it('states each component once: the SQL form agrees with the TypeScript form for every account', async () => {
    const now = new Date();
    const fromRows = await scoresFromRows(now);
    const ids = [...fromRows.keys()];
    const fromSql = await readHealthFacts(em, server.db.dialect, ids, now, false);
    const disagreements = ids.filter(
      (id) => JSON.stringify(fromSql.get(id)?.scores) !== JSON.stringify(fromRows.get(id)),
    );
    expect(disagreements.map((id) => ({ id, sql: fromSql.get(id)?.scores, rows: fromRows.get(id) }))).toEqual([]);
    // The rows cover more than one value of each component.
    for (const component of HEALTH_COMPONENTS)
      expect(new Set([...fromRows.values()].map((s) => s[component])).size).toBeGreaterThan(1);
  });

  it('weighs the components the same way in SQL, with the default weights and with weights an admin set', async () => {
    const now = new Date();
    const fromRows = await scoresFromRows(now);
    const check = async (weights: Record<HealthComponent, number>) => {
      const rows = await em
        .createQueryBuilder()
        .select('a.id', 'id')
        .addSelect(healthScoreSql('a', server.db.dialect), 'score')
        .from('account', 'a')
        .setParameters(healthSqlParams(now))
        .getRawMany<{ id: number | string; score: number | string }>();
      const sql = rows.map((row) => [Number(row.id), Number(row.score)]).sort((x, y) => x[0] - y[0]);
      const ts = [...fromRows].map(([id, scores]) => [id, overallScore(scores, weights)]).sort((x, y) => x[0] - y[0]);
      expect(sql).toEqual(ts);
    };
    await check(DEFAULT_HEALTH_WEIGHTS);
    const custom = { DELIVERY: 7, ISSUES: 0, FINANCE: 3, RENEWAL: 11, ENGAGEMENT: 1 };
    const saved = await em.find(HealthScoreWeight);
    await server.sql('DELETE FROM health_score_weight');
    await em.insert(
      HealthScoreWeight,
      HEALTH_COMPONENTS.map((component) =>
        stampNew(Object.assign(new HealthScoreWeight(), { component, weight: custom[component] })),
      ),
    );
    try {
      await check(custom);
    } finally {
      await server.sql('DELETE FROM health_score_weight');
      if (saved.length) await em.insert(HealthScoreWeight, saved);
    }
  });

  it('scores the edges as the rules state', async () => {
    const now = new Date();
    const facts = await readHealthFacts(
      em,
      server.db.dialect,
      Object.values(edges).map((a) => a.id),
      now,
      false,
    );
    const score = (name: string, component: `${HealthComponent}`) => facts.get(edges[name].id)!.scores[component];
    expect([0, 30, 31, 75, 119, 120, 400, -2].map((d) => score(`contact ${d} days ago`, 'ENGAGEMENT'))).toEqual([
      100, 100, 98, 50, 1, 0, 0, 100,
    ]);
    expect([-1, 0, 1, 45, 89, 90].map((d) => score(`notice in ${d} days`, 'RENEWAL'))).toEqual([0, 0, 1, 50, 98, 100]);
    expect(score('auto-renews', 'RENEWAL')).toBe(100);
    expect(score('renewal DRAFT', 'RENEWAL')).toBe(100);
    expect(score('renewal PENDING_APPROVAL', 'RENEWAL')).toBe(100);
    expect(score('renewal TERMINATED', 'RENEWAL')).toBe(5);
    expect(score('contract ended yesterday', 'RENEWAL')).toBe(100);
    expect(score('two contracts', 'RENEWAL')).toBe(22);
    // EUR: 400,000 overdue of 2,000,000 × 365 / 365 a year is 20%: 100 - 40. USD: 40%: 100 - 80 = 20, the worst.
    expect(score('two currencies', 'FINANCE')).toBe(20);
    expect(score('overdue without a contract', 'FINANCE')).toBe(0);
    expect(score('overdue but paid or void', 'FINANCE')).toBe(100);
    expect(score('many breached issues', 'ISSUES')).toBe(0);
    expect(score('fresh LOW and HIGH issues', 'ISSUES')).toBe(100 - 3 * 1 - 3 * 3);
    expect(score('three AMBER of four', 'DELIVERY')).toBe(Math.floor((400 - 150) / 4));
    expect(score('only completed RED work', 'DELIVERY')).toBe(100);
  });
});
