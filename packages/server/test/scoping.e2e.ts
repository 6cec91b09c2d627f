import { Role } from '../src/common/roles';
import { errorCodes, TestServer, type StaffKey } from './support/harness';

/**
 * Row scoping on every read path: list, totalCount, by id, node, nested. Expected portfolios are
 * computed here in plain SQL from the seed, independently of the server's own scoping code.
 */
let server: TestServer;
const ids: Record<string, number> = {};

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.dataSource.query(query, params);
}

async function portfolio(...userIds: number[]): Promise<Set<string>> {
  const marks = userIds.map(() => '?').join(', ');
  const rows = await sql<{ name: string }>(
    `SELECT a.name FROM account a WHERE a.ownerId IN (${marks}) OR a.id IN (SELECT accountId FROM account_team_member WHERE userId IN (${marks}))`,
    [...userIds, ...userIds],
  );
  return new Set(rows.map((r) => r.name));
}

async function allAccountNames(who: StaffKey | Role): Promise<{ names: Set<string>; totalCount: number }> {
  const names = new Set<string>();
  let after: string | null = null;
  let totalCount: number;
  do {
    const response: any = await server.gql(
      who,
      'query ($after: String) { accounts(first: 25, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data.accounts;
    totalCount = page.totalCount;
    for (const edge of page.edges) names.add(edge.node.name);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { names, totalCount };
}

beforeAll(async () => {
  server = await TestServer.start();
  // Demo staff by first name: jordan, marcus, sam, casey...
  for (const row of await sql<{ id: number; email: string }>('SELECT id, email FROM user'))
    ids[row.email.split(/[.@]/)[0]] = Number(row.id);
});

afterAll(async () => {
  await server.close();
});

describe('who sees which accounts', () => {
  it('shows an account manager the accounts they own or are on the team of, and counts the same', async () => {
    const expected = await portfolio(ids.jordan);
    const { names, totalCount } = await allAccountNames('jordan');
    expect(expected.size).toBeGreaterThan(3);
    expect(names).toEqual(expected);
    expect(totalCount).toBe(expected.size);
  });

  it("shows a senior their own portfolio and their reports' portfolios", async () => {
    const reports = (await sql<{ id: number }>('SELECT id FROM user WHERE managerId = ?', [ids.marcus])).map((r) =>
      Number(r.id),
    );
    expect(reports).toHaveLength(3);
    const expected = await portfolio(ids.marcus, ...reports);
    const { names, totalCount } = await allAccountNames('marcus');
    expect(names).toEqual(expected);
    expect(totalCount).toBe(expected.size);
    const jordans = await portfolio(ids.jordan);
    for (const name of jordans) expect(names.has(name)).toBe(true);
  });

  it('shows a project member only the accounts whose team they are on', async () => {
    const expected = await portfolio(ids.sam);
    const { names } = await allAccountNames('sam');
    expect(names).toEqual(expected);
  });

  it.each([Role.ADMIN, Role.EXECUTIVE, Role.IT_DIRECTOR, Role.FINANCE, Role.BI_READER])(
    'shows %s every account',
    async (role) => {
      const [{ total }] = await sql<{ total: number }>('SELECT COUNT(*) AS total FROM account');
      const { names, totalCount } = await allAccountNames(role);
      expect(totalCount).toBe(Number(total));
      expect(names.size).toBe(Number(total));
    },
  );
});

describe('an account outside the portfolio reads exactly like one that does not exist', () => {
  let outside: { globalId: string; contactId: string; teamMemberId: string };

  beforeAll(async () => {
    const mine = await portfolio(ids.jordan);
    const response = await server.gql(
      Role.ADMIN,
      '{ accounts(first: 100) { edges { node { id name contacts(first: 1) { edges { node { id } } } team(first: 1) { edges { node { id } } } } } } }',
    );
    const edge = response.body.data!.accounts.edges.find(
      (e: any) => !mine.has(e.node.name) && e.node.team.edges.length > 0,
    );
    outside = {
      globalId: edge.node.id,
      contactId: edge.node.contacts.edges[0].node.id,
      teamMemberId: edge.node.team.edges[0].node.id,
    };
  });

  it('is null by id and through node, as is everything on it', async () => {
    const response = await server.gql(
      'jordan',
      'query ($id: ID!, $contact: ID!, $member: ID!) { account(id: $id) { id } node(id: $id) { id } ' +
        'contact: node(id: $contact) { id } member: node(id: $member) { id } }',
      {
        id: outside.globalId,
        contact: outside.contactId,
        member: outside.teamMemberId,
      },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ account: null, node: null, contact: null, member: null });
  });

  it('answers a write with NOT_FOUND, the same as a missing id', async () => {
    const update =
      'mutation ($id: ID!) { updateAccount(input: { id: $id, expectedVersion: 1, region: "Nowhere" }) { account { id } } }';
    const outsideResponse = await server.gql('jordan', update, { id: outside.globalId });
    const missingResponse = await server.gql('jordan', update, { id: 'QWNjb3VudDo5OTk5OTk=' });
    expect(errorCodes(outsideResponse)).toEqual(['NOT_FOUND']);
    expect(errorCodes(missingResponse)).toEqual(['NOT_FOUND']);
    expect(outsideResponse.body.errors![0].message.replace(outside.globalId, 'ID')).toBe(
      missingResponse.body.errors![0].message.replace('QWNjb3VudDo5OTk5OTk=', 'ID'),
    );
  });
});

describe('nested reads follow the same scope', () => {
  it('hides an out-of-scope parent and out-of-scope children, and counts only what it shows', async () => {
    // A family built for the test: Jordan owns the head, Casey (another senior's report) owns one child.
    const create = 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
    const head = await server.gql(Role.ADMIN, create, {
      input: { name: 'Scope Test Family', kind: 'HEALTH_PLAN', tier: 'GROWTH', ownerId: toUserId(ids.jordan) },
    });
    const headId = head.body.data!.createAccount.account.id;
    await server.gql(Role.ADMIN, create, {
      input: {
        name: 'Scope Test Child (Jordan)',
        kind: 'HEALTH_PLAN',
        tier: 'GROWTH',
        parentId: headId,
        ownerId: toUserId(ids.jordan),
      },
    });
    const foreignChild = await server.gql(Role.ADMIN, create, {
      input: {
        name: 'Scope Test Child (Casey)',
        kind: 'HEALTH_PLAN',
        tier: 'GROWTH',
        parentId: headId,
        ownerId: toUserId(ids.casey),
      },
    });
    const foreignChildId = foreignChild.body.data!.createAccount.account.id;

    const query =
      'query ($id: ID!) { account(id: $id) { children(first: 10) { totalCount edges { node { name } } } } }';
    const asJordan = await server.gql('jordan', query, { id: headId });
    expect(asJordan.body.data!.account.children).toEqual({
      totalCount: 1,
      edges: [{ node: { name: 'Scope Test Child (Jordan)' } }],
    });
    const asAdmin = await server.gql(Role.ADMIN, query, { id: headId });
    expect(asAdmin.body.data!.account.children.totalCount).toBe(2);

    const asCasey = await server.gql('casey', 'query ($id: ID!) { account(id: $id) { name parent { id } } }', {
      id: foreignChildId,
    });
    expect(asCasey.body.data!.account).toEqual({ name: 'Scope Test Child (Casey)', parent: null });
  });
});

describe('the staff directory', () => {
  it('is readable by everyone, with managers and reports', async () => {
    const response = await server.gql(
      'jordan',
      '{ users(first: 100, filter: { role: [SENIOR_ACCOUNT_MANAGER] }) { totalCount edges { node { ' +
        'name reports(first: 10) { totalCount edges { node { name } } } } } } }',
    );
    expect(response.body.data!.users).toEqual({
      totalCount: 2,
      edges: [
        {
          node: {
            name: 'Marcus Ellison',
            reports: {
              totalCount: 3,
              edges: [
                { node: { name: 'Jordan Kim' } },
                { node: { name: 'Riley Chen' } },
                { node: { name: 'Taylor Brooks' } },
              ],
            },
          },
        },
        {
          node: {
            name: 'Sofia Alvarez',
            reports: {
              totalCount: 3,
              edges: [
                { node: { name: 'Casey Nguyen' } },
                { node: { name: 'Chris Doyle' } },
                { node: { name: 'Jamie Patel' } },
              ],
            },
          },
        },
      ],
    });
  });
});

function toUserId(rowId: number): string {
  return Buffer.from(`User:${rowId}`).toString('base64');
}
