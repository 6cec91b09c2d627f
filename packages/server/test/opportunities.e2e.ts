import type { AccountGraphClient, CreateOpportunityInput } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';
import { weightedCents, weightedCentsSql } from '../src/modules/opportunity/pipeline.rules';

/** Opportunities from a spotted need to a DRAFT contract, and the weighted pipeline, through the SDK. */
let server: TestServer;
let jordan: AccountGraphClient;
let vp: AccountGraphClient;
let jordanAccount: string;
let otherJordanAccount: string;
let foreignAccount: string;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
const dollars = (amount: number, currency = 'USD') => ({ amountCents: amount * 100, currency });
const JORDAN = "(SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example')";

async function open(client: AccountGraphClient, overrides: Partial<CreateOpportunityInput> = {}) {
  const input: CreateOpportunityInput = {
    accountId: jordanAccount,
    title: 'Cost Estimator for the Medicare line',
    amount: dollars(120_000),
    expectedCloseDate: '2026-09-30',
    ...overrides,
  };
  return (await client.createOpportunity({ input })).createOpportunity.opportunity;
}

const contractCount = () => server.count('SELECT COUNT(*) AS n FROM contract');

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, vp] = await Promise.all([server.client('jordan'), server.client(Role.EXECUTIVE)]);
  const own = await server.sql<{ id: number }>(`SELECT id FROM account WHERE ownerId = ${JORDAN} ORDER BY id LIMIT 2`);
  const [other] = await server.sql<{ id: number }>(
    `SELECT a.id FROM account a JOIN user o ON o.id = a.ownerId
     WHERE o.email LIKE 'casey%' AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
       WHERE t.accountId = a.id AND u.email IN ('jordan.kim@accountgraph.example', 'marcus.ellison@accountgraph.example'))
     ORDER BY a.id LIMIT 1`,
  );
  jordanAccount = gid('Account', own[0].id);
  otherJordanAccount = gid('Account', own[1].id);
  foreignAccount = gid('Account', other.id);
});

afterAll(async () => {
  await server.close();
});

describe('opening an opportunity', () => {
  it("starts in PROSPECTING at 10%, owned by the account's owner, audited", async () => {
    const opportunity = await open(jordan);
    expect(opportunity).toMatchObject({
      stage: 'PROSPECTING',
      probability: 10,
      amount: { amountCents: 12_000_000, currency: 'USD' },
      owner: { name: 'Jordan Kim' },
      source: null,
      contract: null,
      version: 1,
    });
    const { auditEvents } = await vp.auditEvents({ first: 5, filter: { entityId: opportunity.id } });
    expect(auditEvents.edges.map((e) => e.node.action)).toEqual(['createOpportunity']);
  });

  it('takes a stage, a probability, an offering and a source of the same account', async () => {
    const [project] = await server.sql<{ id: number }>('SELECT id FROM project WHERE accountId = ? LIMIT 1', [
      rowId(jordanAccount),
    ]);
    const [issue] = await server.sql<{ id: number }>('SELECT id FROM client_issue WHERE accountId = ? LIMIT 1', [
      rowId(jordanAccount),
    ]);
    const { offerings } = await jordan.offerings({ first: 1, filter: { active: true } });
    const offering = offerings.edges[0].node;
    if (project) {
      const fromProject = await open(jordan, {
        sourceId: gid('Project', project.id),
        stage: 'QUALIFIED',
        offeringId: offering.id,
      });
      expect(fromProject).toMatchObject({
        stage: 'QUALIFIED',
        probability: 25,
        offering: { name: offering.name },
        source: { __typename: 'Project', id: gid('Project', project.id) },
      });
    }
    if (issue) {
      const fromIssue = await open(jordan, { sourceId: gid('ClientIssue', issue.id), probability: 40 });
      expect(fromIssue).toMatchObject({ probability: 40, source: { __typename: 'ClientIssue' } });
    }
    expect(project ?? issue).toBeDefined();
  });

  it('refuses a source of another account, a source that is no source, bad amounts and closed stages', async () => {
    const [foreignProject] = await server.sql<{ id: number }>('SELECT id FROM project WHERE accountId = ? LIMIT 1', [
      rowId(otherJordanAccount),
    ]);
    const [foreignIssue] = await server.sql<{ id: number }>(
      'SELECT id FROM client_issue WHERE accountId <> ? LIMIT 1',
      [rowId(jordanAccount)],
    );
    const before = await server.count('SELECT COUNT(*) AS n FROM opportunity');
    if (foreignProject) {
      const unrelated = await expectError(
        open(jordan, { sourceId: gid('Project', foreignProject.id) }),
        'BAD_USER_INPUT',
      );
      expect(unrelated.reason).toBe('UNRELATED_RECORD');
    }
    // As an executive (who reads every issue), another account's issue is refused as unrelated, not as unknown.
    const unrelated = await expectError(open(vp, { sourceId: gid('ClientIssue', foreignIssue.id) }), 'BAD_USER_INPUT');
    expect(unrelated.reason).toBe('UNRELATED_RECORD');
    const notASource = await expectError(open(jordan, { sourceId: jordanAccount }), 'BAD_USER_INPUT');
    expect(notASource.reason).toBe('INVALID_ID');
    await expectError(open(jordan, { amount: { amountCents: -1 } }), 'BAD_USER_INPUT');
    await expectError(open(jordan, { probability: 101 }), 'BAD_USER_INPUT');
    await expectError(open(jordan, { stage: 'WON' }), 'BAD_USER_INPUT');
    await expectError(open(jordan, { title: ' ' }), 'BAD_USER_INPUT');
    expect(await server.count('SELECT COUNT(*) AS n FROM opportunity')).toBe(before);
  });

  it("keeps opportunities to the account's writers and readers", async () => {
    await expectError(open(jordan, { accountId: foreignAccount }), 'NOT_FOUND');
    const bi = await server.client(Role.BI_READER);
    const refused = await expectError(open(bi), 'FORBIDDEN');
    expect(refused.reason).toBe('ROLE_NOT_ALLOWED');
    const foreign = await open(vp, { accountId: foreignAccount, title: 'Outside jordan' });
    expect((await jordan.opportunity({ id: foreign.id })).opportunity).toBeNull();
    const mine = await jordan.opportunities({ first: 100, filter: { accountId: foreignAccount } });
    expect(mine.opportunities.edges).toHaveLength(0);
    await expectError(jordan.loseOpportunity({ input: { id: foreign.id, reason: 'Not mine' } }), 'NOT_FOUND');
    // Finance and BI read every account's opportunities.
    expect((await bi.opportunity({ id: foreign.id })).opportunity?.title).toBe('Outside jordan');
  });
});

describe('stages', () => {
  it('moves forwards and back among the open stages, with the default probability unless given', async () => {
    const opportunity = await open(jordan);
    let moved = (await jordan.moveOpportunityStage({ input: { id: opportunity.id, stage: 'PROPOSAL' } }))
      .moveOpportunityStage.opportunity;
    expect(moved).toMatchObject({ stage: 'PROPOSAL', probability: 50, version: 2 });
    moved = (
      await jordan.moveOpportunityStage({
        input: { id: opportunity.id, stage: 'QUALIFIED', probability: 30, expectedVersion: 2 },
      })
    ).moveOpportunityStage.opportunity;
    expect(moved).toMatchObject({ stage: 'QUALIFIED', probability: 30, version: 3 });
    const same = await expectError(
      jordan.moveOpportunityStage({ input: { id: opportunity.id, stage: 'QUALIFIED' } }),
      'CONFLICT',
    );
    expect(same.reason).toBe('NO_CHANGE');
    const stale = await expectError(
      jordan.moveOpportunityStage({ input: { id: opportunity.id, stage: 'PROPOSAL', expectedVersion: 2 } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const toWon = await expectError(
      jordan.moveOpportunityStage({ input: { id: opportunity.id, stage: 'WON' } }),
      'BAD_USER_INPUT',
    );
    expect(toWon.message).toMatch(/winOpportunity/);
  });

  it('loses only with a reason, and a lost one is final', async () => {
    const opportunity = await open(jordan);
    await expectError(jordan.loseOpportunity({ input: { id: opportunity.id, reason: '  ' } }), 'BAD_USER_INPUT');
    const lost = (await jordan.loseOpportunity({ input: { id: opportunity.id, reason: 'Chose a competitor.' } }))
      .loseOpportunity.opportunity;
    expect(lost).toMatchObject({ stage: 'LOST', probability: 0, lostReason: 'Chose a competitor.' });
    expect(lost.closedAt).not.toBeNull();
    for (const call of [
      () => jordan.moveOpportunityStage({ input: { id: opportunity.id, stage: 'NEGOTIATION' } }),
      () => jordan.winOpportunity({ input: { id: opportunity.id } }),
      () => jordan.loseOpportunity({ input: { id: opportunity.id, reason: 'Again' } }),
      () =>
        jordan.updateOpportunity({ input: { id: opportunity.id, expectedVersion: lost.version, title: 'Revived' } }),
    ]) {
      const error = await expectError(call(), 'CONFLICT');
      expect(error.reason).toBe('INVALID_TRANSITION');
    }
  });

  it('updates an open opportunity with its version, and refuses a stale one', async () => {
    const opportunity = await open(jordan);
    const { updateOpportunity } = await jordan.updateOpportunity({
      input: { id: opportunity.id, expectedVersion: 1, amount: dollars(90_000), expectedCloseDate: '2026-12-15' },
    });
    expect(updateOpportunity.opportunity).toMatchObject({
      amount: { amountCents: 9_000_000 },
      expectedCloseDate: '2026-12-15',
      version: 2,
    });
    const stale = await expectError(
      jordan.updateOpportunity({ input: { id: opportunity.id, expectedVersion: 1, title: 'Lost update' } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
  });
});

describe('winning', () => {
  it('creates one DRAFT contract for the amount, linked, in the same transaction', async () => {
    const opportunity = await open(jordan, { amount: dollars(75_000) });
    const contracts = await contractCount();
    const { winOpportunity } = await jordan.winOpportunity({
      input: { id: opportunity.id, contract: { startDate: '2026-07-01' } },
    });
    expect(winOpportunity.opportunity).toMatchObject({
      stage: 'WON',
      probability: 100,
      contract: { id: winOpportunity.contract.id, status: 'DRAFT', value: { amountCents: 7_500_000, currency: 'USD' } },
    });
    expect(winOpportunity.contract).toMatchObject({
      title: opportunity.title,
      type: 'STATEMENT_OF_WORK',
      status: 'DRAFT',
      startDate: '2026-07-01',
      endDate: '2027-06-30',
      owner: { name: 'Jordan Kim' },
      account: { id: jordanAccount },
    });
    expect(await contractCount()).toBe(contracts + 1);
    const again = await expectError(jordan.winOpportunity({ input: { id: opportunity.id } }), 'CONFLICT');
    expect(again.reason).toBe('INVALID_TRANSITION');
    expect(await contractCount()).toBe(contracts + 1);
    const { auditEvents } = await vp.auditEvents({ first: 5, filter: { entityId: opportunity.id } });
    expect(auditEvents.edges.map((e) => e.node.action)).toContain('winOpportunity');
  });

  it('writes nothing when the contract cannot be created', async () => {
    const opportunity = await open(jordan);
    const contracts = await contractCount();
    await expectError(
      jordan.winOpportunity({
        input: { id: opportunity.id, contract: { startDate: '2026-07-01', endDate: '2026-06-01' } },
      }),
      'BAD_USER_INPUT',
    );
    await expectError(
      jordan.winOpportunity({ input: { id: opportunity.id, contract: { title: 'Bad\u0007title' } } }),
      'BAD_USER_INPUT',
    );
    expect(await contractCount()).toBe(contracts);
    expect((await jordan.opportunity({ id: opportunity.id })).opportunity).toMatchObject({
      stage: 'PROSPECTING',
      contract: null,
      version: 1,
    });
    const { auditEvents } = await vp.auditEvents({ first: 5, filter: { entityId: opportunity.id } });
    expect(auditEvents.edges.map((e) => e.node.action)).toEqual(['createOpportunity']);
  });

  it('undoes the contract, its number and its audit when linking the opportunity fails afterwards', async () => {
    const title = 'Explodes on win';
    const opportunity = await open(jordan, { title });
    const trigger =
      server.db.dialect === 'mysql'
        ? `CREATE TRIGGER explode_win BEFORE UPDATE ON opportunity FOR EACH ROW BEGIN
             IF NEW.title = '${title}' AND NEW.status = 'WON' THEN
               SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test';
             END IF;
           END`
        : `CREATE TRIGGER explode_win BEFORE UPDATE ON opportunity
             WHEN NEW.title = '${title}' AND NEW.status = 'WON'
           BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`;
    await server.sql(trigger);
    try {
      const contracts = await contractCount();
      const sequences = await server.sql<{ name: string; lastValue: number }>(
        'SELECT name, lastValue FROM number_sequence ORDER BY name',
      );
      const audits = await server.count('SELECT COUNT(*) AS n FROM audit_event');
      await expectError(
        jordan.winOpportunity({ input: { id: opportunity.id, contract: { startDate: '2026-08-01' } } }),
        'INTERNAL_SERVER_ERROR',
      );
      expect(await contractCount()).toBe(contracts);
      expect(await server.sql('SELECT name, lastValue FROM number_sequence ORDER BY name')).toEqual(sequences);
      expect(await server.count('SELECT COUNT(*) AS n FROM audit_event')).toBe(audits);
      expect((await jordan.opportunity({ id: opportunity.id })).opportunity).toMatchObject({
        stage: 'PROSPECTING',
        contract: null,
      });
    } finally {
      await server.sql('DROP TRIGGER explode_win');
    }
  });

  it('of 10 simultaneous wins of one opportunity, creates exactly one contract', async () => {
    const opportunity = await open(jordan, { amount: dollars(55_000) });
    const contracts = await contractCount();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => jordan.winOpportunity({ input: { id: opportunity.id } })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await contractCount()).toBe(contracts + 1);
    const [row] = await server.sql<{ contractId: number; status: string }>(
      'SELECT contractId, status FROM opportunity WHERE id = ?',
      [rowId(opportunity.id)],
    );
    expect(row.status).toBe('WON');
    expect(await server.count('SELECT COUNT(*) AS n FROM contract WHERE id = ?', [row.contractId])).toBe(1);
  });
});

describe('lists', () => {
  it('filters and orders opportunities, scoped to the portfolio', async () => {
    const { opportunities } = await jordan.opportunities({
      first: 100,
      filter: { open: true },
      orderBy: { field: 'AMOUNT', direction: 'DESC' },
    });
    const amounts = opportunities.edges.map((e) => e.node.amount.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const { node } of opportunities.edges)
      expect(['PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION']).toContain(node.stage);
    const inScope = await server.count(
      `SELECT COUNT(*) AS n FROM opportunity o JOIN account a ON a.id = o.accountId
       WHERE o.status IN ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION') AND (a.ownerId = ${JORDAN}
         OR EXISTS (SELECT 1 FROM account_team_member t WHERE t.accountId = a.id AND t.userId = ${JORDAN}))`,
    );
    expect(opportunities.totalCount).toBe(inScope);
    const won = await vp.opportunities({ first: 5, filter: { stages: ['WON'], expectedCloseTo: '2100-01-01' } });
    for (const { node } of won.opportunities.edges) expect(node.contract).not.toBeNull();
    const byAccount = await jordan.accountOpportunities({ accountId: jordanAccount, first: 50 });
    expect(byAccount.account!.opportunities.totalCount).toBe(
      await server.count('SELECT COUNT(*) AS n FROM opportunity WHERE accountId = ?', [rowId(jordanAccount)]),
    );
  });

  it('filters by owner, offering and expected close date', async () => {
    const staff = await server.staffIds();
    const { offerings } = await jordan.offerings({ first: 2, filter: { active: true } });
    const offeringId = offerings.edges[1].node.id;
    const probe = await open(jordan, { offeringId, expectedCloseDate: '2031-02-14' });
    const filtered = await vp.opportunities({
      first: 100,
      filter: { ownerId: staff.jordan, offeringId, expectedCloseFrom: '2031-01-01', expectedCloseTo: '2031-03-31' },
    });
    expect(filtered.opportunities.edges.map((e) => e.node.id)).toEqual([probe.id]);
    const closed = await vp.opportunities({ first: 100, filter: { open: false } });
    for (const { node } of closed.opportunities.edges) expect(['WON', 'LOST']).toContain(node.stage);
    await expectError(vp.opportunities({ first: 10, filter: { ownerId: jordanAccount } }), 'BAD_USER_INPUT');
  });

  it('reads opportunities for a page of accounts in the same number of statements, whatever its size', async () => {
    const query = `query ($first: Int!) { accounts(first: $first) { edges { node {
      name
      opportunities(first: 10) { totalCount edges { node {
        title stage amount { amountCents currency } owner { name } offering { name } contract { number }
        source { __typename ... on Project { name } ... on ClientIssue { title } ... on Communication { subject } }
      } } }
    } } } }`;
    // The small page gets every kind of related row, so both pages run every loader.
    const { accounts } = await vp.accounts({ first: 5 });
    const ids = accounts.edges.map((e) => rowId(e.node.id));
    const kinds: [string, string][] = [
      ['Project', 'project'],
      ['ClientIssue', 'client_issue'],
      ['Communication', 'communication'],
    ];
    const { offerings } = await vp.offerings({ first: 1 });
    for (const [type, table] of kinds) {
      const [row] = await server.sql<{ id: number; accountId: number }>(
        `SELECT id, accountId FROM ${table} WHERE accountId IN (${ids.join(', ')}) ORDER BY id LIMIT 1`,
      );
      if (!row) continue;
      const opportunity = await open(vp, {
        accountId: gid('Account', row.accountId),
        sourceId: gid(type, row.id),
        offeringId: offerings.edges[0].node.id,
      });
      if (type === 'Project') await vp.winOpportunity({ input: { id: opportunity.id } });
    }
    const token = await server.signedIn(Role.EXECUTIVE);
    const count = async (first: number) => {
      server.resetQueries();
      const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      const rows = (response.body.data as any).accounts.edges.flatMap((e: any) => e.node.opportunities.edges);
      return { statements: server.queries.length, rows: rows.length };
    };
    const small = await count(5);
    const large = await count(50);
    expect(large.rows).toBeGreaterThan(small.rows);
    expect(large.statements).toBe(small.statements);
  });
});

describe('the weighted pipeline', () => {
  const quarterOf = (date: string) =>
    `${date.slice(0, 4)}-${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

  /** Every open opportunity the client reads, page by page. */
  async function allOpen(client: AccountGraphClient) {
    const nodes = [];
    let after: string | null | undefined;
    do {
      const { opportunities } = await client.opportunities({ first: 100, after, filter: { open: true } });
      nodes.push(...opportunities.edges.map((e) => e.node));
      after = opportunities.pageInfo.hasNextPage ? opportunities.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  it.each([Role.EXECUTIVE, 'jordan' as const, 'marcus' as const])(
    'adds up per owner, quarter and currency what the rows say (%s)',
    async (who) => {
      const client = await server.client(who);
      await open(vp, {
        accountId: jordanAccount,
        title: 'Canadian affiliate',
        amount: dollars(33_333, 'CAD'),
        probability: 33,
      });
      const expected = new Map<string, { count: number; amount: number; weighted: number }>();
      for (const node of await allOpen(client)) {
        const key = `${node.owner.id}|${quarterOf(node.expectedCloseDate)}|${node.amount.currency}`;
        const sum = expected.get(key) ?? { count: 0, amount: 0, weighted: 0 };
        sum.count++;
        sum.amount += node.amount.amountCents;
        expect(node.weightedAmount.amountCents).toBe(
          Math.floor((node.amount.amountCents * node.probability + 50) / 100),
        );
        sum.weighted += node.weightedAmount.amountCents;
        expected.set(key, sum);
      }
      const { analytics } = await client.opportunityPipeline({ groupBy: 'OWNER_AND_QUARTER' });
      const actual = new Map(
        analytics.opportunityPipeline.map((row) => {
          expect(row.amount.currency).toBe(row.currency);
          expect(row.weightedAmount.currency).toBe(row.currency);
          return [
            `${row.owner!.id}|${row.quarter}|${row.currency}`,
            { count: row.count, amount: row.amount.amountCents, weighted: row.weightedAmount.amountCents },
          ];
        }),
      );
      expect(actual).toEqual(expected);
      expect([...actual.keys()].some((key) => key.endsWith('|CAD'))).toBe(true);
      expect([...actual.keys()].some((key) => key.endsWith('|USD'))).toBe(true);
    },
  );

  it('groups by owner or by quarter alone, and counts closed ones when asked', async () => {
    const byOwner = (await vp.opportunityPipeline({ groupBy: 'OWNER' })).analytics.opportunityPipeline;
    const plain = await server.gql(Role.EXECUTIVE, '{ analytics { opportunityPipeline { count owner { id } } } }');
    expect(plain.body.data!.analytics.opportunityPipeline).toHaveLength(byOwner.length);
    for (const row of byOwner) expect(row).toMatchObject({ quarter: null, owner: { id: expect.any(String) } });
    const byQuarter = (await vp.opportunityPipeline({ groupBy: 'QUARTER' })).analytics.opportunityPipeline;
    for (const row of byQuarter)
      expect(row).toMatchObject({ owner: null, quarter: expect.stringMatching(/^\d{4}-(01|04|07|10)-01$/) });
    const total = (rows: typeof byOwner) => rows.reduce((sum, row) => sum + row.count, 0);
    expect(total(byOwner)).toBe(total(byQuarter));
    const won = (await vp.opportunityPipeline({ groupBy: 'QUARTER', filter: { stages: ['WON'] } })).analytics
      .opportunityPipeline;
    expect(total(won)).toBe(await server.count("SELECT COUNT(*) AS n FROM opportunity WHERE status = 'WON'"));
    for (const row of won) expect(row.weightedAmount.amountCents).toBe(row.amount.amountCents);
  });
});

describe('the weighted amount rule', () => {
  it('rounds the same in TypeScript and in SQL', async () => {
    const cases: [number, number][] = [
      [0, 50],
      [1, 50],
      [149, 1],
      [150, 1],
      [12_345_678, 33],
      [99_999, 99],
      [10_000_000_000_000, 99],
      [10_000_000_000_001, 100],
    ];
    const int = server.db.dialect === 'mysql' ? 'SIGNED' : 'INTEGER';
    for (const [amountCents, probability] of cases) {
      const [row] = await server.sql<{ w: number | string }>(
        `SELECT ${weightedCentsSql(server.db.dialect, 't')} AS w FROM (SELECT CAST(? AS ${int}) AS amountCents, CAST(? AS ${int}) AS probability) t`,
        [amountCents, probability],
      );
      expect([amountCents, probability, Number(row.w)]).toEqual([
        amountCents,
        probability,
        weightedCents(amountCents, probability),
      ]);
    }
  });
});

describe('exports', () => {
  const download = async (path: string, who: 'jordan' | Role) =>
    fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${await server.token(who)}` } });

  it('exports the opportunities jordan reads, and the pipeline the API answers', async () => {
    const text = await (await download('/export/opportunities.ndjson', 'jordan')).text();
    const exported = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; amountCents: number; stage: string });
    const ids = new Set<string>();
    let after: string | null | undefined;
    do {
      const { opportunities } = await jordan.opportunities({ first: 100, after });
      for (const edge of opportunities.edges) ids.add(edge.node.id);
      after = opportunities.pageInfo.hasNextPage ? opportunities.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(exported.map((row) => row.id))).toEqual(ids);

    const response = await download('/export/opportunity-pipeline.ndjson?groupBy=QUARTER', Role.EXECUTIVE);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const { analytics } = await vp.opportunityPipeline({ groupBy: 'QUARTER' });
    expect(rows).toEqual(
      analytics.opportunityPipeline.map((row) => ({
        ownerId: null,
        quarter: row.quarter,
        currency: row.currency,
        count: row.count,
        amountCents: row.amount.amountCents,
        weightedAmountCents: row.weightedAmount.amountCents,
      })),
    );
    expect((await download('/export/opportunity-pipeline.csv?groupBy=WEEK', Role.EXECUTIVE)).status).toBe(400);
  });
});
