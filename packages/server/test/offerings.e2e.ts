import type { AccountGraphClient } from '@account-graph/sdk';
import { Role } from '../src/common/roles';
import { expectError } from './support/expect-error';
import { TestServer } from './support/harness';
import type { AccountOfferingStatus } from '../src/modules/offering/offering.entity';
import { holdsOffering } from '../src/modules/offering/whitespace.rules';

/** The catalogue, which offerings each account has, and the whitespace between, through the SDK. */
let server: TestServer;
let jordan: AccountGraphClient;
let vp: AccountGraphClient;
let jordanAccount: string;
let foreignAccount: string;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

/** An account owned by jordan, and one outside jordan's portfolio (another senior's, jordan not on its team). */
async function pickAccounts(): Promise<void> {
  const [own] = await server.sql<{ id: number }>(
    "SELECT id FROM account WHERE ownerId = (SELECT id FROM user WHERE email = 'jordan.kim@accountgraph.example') ORDER BY id LIMIT 1",
  );
  const [other] = await server.sql<{ id: number }>(
    `SELECT a.id FROM account a JOIN user o ON o.id = a.ownerId
     WHERE o.email LIKE 'casey%' AND NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
       WHERE t.accountId = a.id AND u.email IN ('jordan.kim@accountgraph.example', 'marcus.ellison@accountgraph.example'))
     ORDER BY a.id LIMIT 1`,
  );
  jordanAccount = gid('Account', own.id);
  foreignAccount = gid('Account', other.id);
}

beforeAll(async () => {
  server = await TestServer.start();
  [jordan, vp] = await Promise.all([server.client('jordan'), server.client(Role.EXECUTIVE)]);
  await pickAccounts();
});

afterAll(async () => {
  await server.close();
});

describe('the catalogue', () => {
  it('lists the seeded offerings by name, for every role, filtered by active and category', async () => {
    const bi = await server.client(Role.BI_READER);
    const { offerings } = await bi.offerings({ first: 50 });
    const names = offerings.edges.map((e) => e.node.name);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const active = await jordan.offerings({ first: 50, filter: { active: true, category: ['COMPLIANCE'] } });
    expect(active.offerings.edges.length).toBeGreaterThan(0);
    for (const { node } of active.offerings.edges) expect(node).toMatchObject({ active: true, category: 'COMPLIANCE' });
    const retired = await jordan.offerings({ first: 50, filter: { active: false } });
    expect(retired.offerings.edges.map((e) => e.node.name)).toContain('Legacy Price Compare');
  });

  it('reads what changed since a time, most recently changed last', async () => {
    const since = new Date().toISOString();
    const { createOffering } = await vp.createOffering({ input: { name: 'Sync Probe', category: 'ANALYTICS' } });
    const { offerings } = await jordan.offerings({
      first: 50,
      filter: { updatedSince: since },
      orderBy: { field: 'UPDATED_AT', direction: 'ASC' },
    });
    expect(offerings.edges.map((e) => e.node.id)).toContain(createOffering.offering.id);
    const stamps = offerings.edges.map((e) => e.node.updatedAt);
    expect(stamps).toEqual([...stamps].sort());
    for (const stamp of stamps) expect(stamp >= since).toBe(true);
  });

  it('lets executives create and update offerings, audited, and refuses everyone else', async () => {
    const { createOffering } = await vp.createOffering({
      input: { name: 'Pharmacy Price Check', category: 'COST_TRANSPARENCY', description: 'Drug prices by pharmacy.' },
    });
    expect(createOffering.offering).toMatchObject({ name: 'Pharmacy Price Check', active: true, version: 1 });
    const { updateOffering } = await vp.updateOffering({
      input: {
        id: createOffering.offering.id,
        expectedVersion: 1,
        description: 'Drug prices by pharmacy and mail order.',
      },
    });
    expect(updateOffering.offering).toMatchObject({
      version: 2,
      description: 'Drug prices by pharmacy and mail order.',
    });
    const { auditEvents } = await vp.auditEvents({ first: 5, filter: { entityId: createOffering.offering.id } });
    expect(auditEvents.edges.map((e) => e.node.action).sort()).toEqual(['createOffering', 'updateOffering']);

    for (const who of ['jordan', 'marcus', Role.FINANCE, Role.BI_READER] as const) {
      const client = await server.client(who);
      const error = await expectError(
        client.createOffering({ input: { name: `By ${who}`, category: 'OTHER' } }),
        'FORBIDDEN',
      );
      expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    }
    expect(await server.count("SELECT COUNT(*) AS n FROM offering WHERE name LIKE 'By %'")).toBe(0);
  });

  it('refuses a duplicate name, a stale version, a blank name and control characters, writing nothing', async () => {
    const taken = await expectError(
      vp.createOffering({ input: { name: 'Cost Estimator', category: 'OTHER' } }),
      'CONFLICT',
    );
    expect(taken.reason).toBe('ALREADY_EXISTS');
    const { offerings } = await vp.offerings({ first: 1 });
    const first = offerings.edges[0].node;
    const renamed = await expectError(
      vp.updateOffering({ input: { id: first.id, expectedVersion: first.version, name: 'Provider Finder' } }),
      'CONFLICT',
    );
    expect(renamed.reason).toBe('ALREADY_EXISTS');
    const stale = await expectError(
      vp.updateOffering({ input: { id: first.id, expectedVersion: first.version + 5, active: false } }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    await expectError(vp.createOffering({ input: { name: '   ', category: 'OTHER' } }), 'BAD_USER_INPUT');
    await expectError(vp.createOffering({ input: { name: 'Bad\u0000name', category: 'OTHER' } }), 'BAD_USER_INPUT');
    const after = await vp.offering({ id: first.id });
    expect(after.offering).toMatchObject({ version: first.version, active: first.active });
  });

  it('refuses two creations of one name at once but one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => vp.createOffering({ input: { name: 'Dental Transparency', category: 'OTHER' } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(await server.count("SELECT COUNT(*) AS n FROM offering WHERE name = 'Dental Transparency'")).toBe(1);
  });
});

describe("an account's offerings and whitespace", () => {
  /** The whitespace computed here from the rows with the TypeScript form of the rule (the API reads it in SQL). */
  async function whitespaceFromRows(accountId: string): Promise<string[]> {
    const offerings = await server.sql<{ id: number; name: string; active: number | boolean }>(
      'SELECT id, name, active FROM offering ORDER BY name, id',
    );
    const held = await server.sql<{ offeringId: number; status: AccountOfferingStatus }>(
      'SELECT offeringId, status FROM account_offering WHERE accountId = ?',
      [rowId(accountId)],
    );
    return offerings
      .filter((o) => Boolean(Number(o.active)))
      .filter((o) => !held.some((row) => Number(row.offeringId) === Number(o.id) && holdsOffering(row.status)))
      .map((o) => o.name);
  }

  it('shows the whitespace every account of a page has, matching the rows', async () => {
    const response = await server.gql(
      Role.EXECUTIVE,
      '{ accounts(first: 40) { edges { node { id whitespace { name } } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    const edges = response.body.data!.accounts.edges as { node: { id: string; whitespace: { name: string }[] } }[];
    let nonEmpty = 0;
    for (const { node } of edges) {
      const names = node.whitespace.map((o) => o.name);
      expect(names).toEqual(await whitespaceFromRows(node.id));
      if (names.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('adds an offering, moves it through PILOT and SUSPENDED, and keeps the whitespace in step', async () => {
    const before = (await jordan.accountOfferings({ accountId: jordanAccount })).account!;
    const gap = before.whitespace[0];
    expect(gap).toBeDefined();
    const { addAccountOffering } = await jordan.addAccountOffering({
      input: { accountId: jordanAccount, offeringId: gap.id, since: '2026-02-01', status: 'PILOT' },
    });
    expect(addAccountOffering.accountOffering).toMatchObject({ status: 'PILOT', since: '2026-02-01', version: 1 });
    let now = (await jordan.accountOfferings({ accountId: jordanAccount })).account!;
    expect(now.whitespace.map((o) => o.id)).not.toContain(gap.id);
    expect(now.offerings.edges.map((e) => e.node.offering.id)).toContain(gap.id);

    const duplicate = await expectError(
      jordan.addAccountOffering({ input: { accountId: jordanAccount, offeringId: gap.id, since: '2026-03-01' } }),
      'CONFLICT',
    );
    expect(duplicate.reason).toBe('ALREADY_EXISTS');

    const { updateAccountOffering } = await jordan.updateAccountOffering({
      input: { id: addAccountOffering.accountOffering.id, expectedVersion: 1, status: 'SUSPENDED' },
    });
    expect(updateAccountOffering.accountOffering).toMatchObject({ status: 'SUSPENDED', version: 2 });
    now = (await jordan.accountOfferings({ accountId: jordanAccount })).account!;
    expect(now.whitespace.map((o) => o.id)).toContain(gap.id);
    expect(now.whitespace.map((o) => o.name)).toEqual(await whitespaceFromRows(jordanAccount));

    const stale = await expectError(
      jordan.updateAccountOffering({
        input: { id: addAccountOffering.accountOffering.id, expectedVersion: 1, status: 'ACTIVE' },
      }),
      'CONFLICT',
    );
    expect(stale.reason).toBe('STALE_VERSION');
    const { auditEvents } = await vp.auditEvents({
      first: 5,
      filter: { entityId: addAccountOffering.accountOffering.id },
    });
    expect(auditEvents.edges.map((e) => e.node.action).sort()).toEqual(['addAccountOffering', 'updateAccountOffering']);
  });

  it('drops a retired offering from every whitespace', async () => {
    const { createOffering } = await vp.createOffering({ input: { name: 'Short-lived Widget', category: 'OTHER' } });
    const id = createOffering.offering.id;
    expect(
      (await jordan.accountOfferings({ accountId: jordanAccount })).account!.whitespace.map((o) => o.id),
    ).toContain(id);
    await vp.updateOffering({ input: { id, expectedVersion: 1, active: false } });
    expect(
      (await jordan.accountOfferings({ accountId: jordanAccount })).account!.whitespace.map((o) => o.id),
    ).not.toContain(id);
  });

  it("keeps an account's offerings to those who may change it", async () => {
    const { offerings } = await vp.offerings({ first: 1, filter: { active: true } });
    const offeringId = offerings.edges[0].node.id;
    await expectError(
      jordan.addAccountOffering({ input: { accountId: foreignAccount, offeringId, since: '2026-01-01' } }),
      'NOT_FOUND',
    );
    const bi = await server.client(Role.BI_READER);
    const refused = await expectError(
      bi.addAccountOffering({ input: { accountId: jordanAccount, offeringId, since: '2026-01-01' } }),
      'FORBIDDEN',
    );
    expect(refused.reason).toBe('ROLE_NOT_ALLOWED');
    // Finance reads every account but changes only those it is on the team of.
    const [unteamed] = await server.sql<{ id: number }>(
      `SELECT a.id FROM account a WHERE NOT EXISTS (SELECT 1 FROM account_team_member t JOIN user u ON u.id = t.userId
         WHERE t.accountId = a.id AND u.role = 'FINANCE') ORDER BY a.id LIMIT 1`,
    );
    const finance = await server.client(Role.FINANCE);
    const readOnly = await expectError(
      finance.addAccountOffering({
        input: { accountId: gid('Account', unteamed.id), offeringId, since: '2026-01-01' },
      }),
      'FORBIDDEN',
    );
    expect(readOnly.reason).toBe('READ_ONLY_ACCOUNT');
    // jordan cannot read another portfolio's account offerings by id either.
    const [foreignRow] = await server.sql<{ id: number }>(
      'SELECT id FROM account_offering WHERE accountId = ? LIMIT 1',
      [rowId(foreignAccount)],
    );
    if (foreignRow) {
      await expectError(
        jordan.updateAccountOffering({
          input: { id: gid('AccountOffering', foreignRow.id), expectedVersion: 1, status: 'ENDED' },
        }),
        'NOT_FOUND',
      );
    }
  });

  it('reads offerings and whitespace for a page of accounts in the same number of statements, whatever its size', async () => {
    const query = `query ($first: Int!) { accounts(first: $first) { edges { node {
      name
      offerings(first: 10) { totalCount edges { node { status since offering { name category } } } }
      whitespace { name category }
    } } } }`;
    const token = await server.signedIn(Role.EXECUTIVE);
    const count = async (first: number) => {
      server.resetQueries();
      const response = await server.post({ query, variables: { first } }, { authorization: `Bearer ${token}` });
      expect(response.body.errors).toBeUndefined();
      const edges = (response.body.data as any).accounts.edges;
      return { statements: server.queries.length, rows: edges.length };
    };
    const small = await count(5);
    const large = await count(50);
    expect(large.rows).toBeGreaterThan(small.rows);
    expect(large.statements).toBe(small.statements);
  });
});
