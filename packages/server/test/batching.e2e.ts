import { Role } from '../src/common/roles';
import { TestServer } from './support/harness';

/** Nested reads go through per-request loaders: the statement count does not grow with the page. */
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(async () => {
  await server.close();
});

const PORTFOLIO_PAGE = `query ($first: Int!) {
  accounts(first: $first) {
    totalCount
    edges { node {
      name
      owner { name manager { name } }
      parent { name owner { name } }
      children(first: 5) { totalCount edges { node { name } } }
      team(first: 10) { totalCount edges { node { teamRole user { name } } } }
      contacts(first: 10) { totalCount edges { node { name roles } } }
    } }
  }
}`;

async function statementsFor(who: Role | 'jordan' | 'marcus', first: number): Promise<{ count: number; rows: number }> {
  const token = await server.signedIn(who);
  server.resetQueries();
  const response = await server.post(
    { query: PORTFOLIO_PAGE, variables: { first } },
    { authorization: `Bearer ${token}` },
  );
  expect(response.body.errors).toBeUndefined();
  return { count: server.queries.length, rows: (response.body.data as any).accounts.edges.length };
}

describe('statements per page', () => {
  it.each([Role.EXECUTIVE, 'marcus' as const, 'jordan' as const])(
    'stay the same for 5 and 50 accounts with owner, parent, children, team and contacts (%s)',
    async (who) => {
      const small = await statementsFor(who, 5);
      const large = await statementsFor(who, 50);
      expect(small.rows).toBe(5);
      expect(large.rows).toBeGreaterThan(small.rows);
      expect(large.count).toBe(small.count);
      // page, count, owners, managers, parents, children + count, team + count, contacts + count, users.
      expect(large.count).toBeLessThanOrEqual(16);
    },
  );
});

const CONTRACTS_PAGE = `query ($first: Int!) {
  accounts(first: $first) {
    edges { node {
      name
      contracts(first: 5) { totalCount edges { node {
        number value { amountCents currency } owner { name }
        renewalOf { number }
        renewals(first: 3) { totalCount }
        approvals(first: 3) { totalCount edges { node { decision actor { name } } } }
      } } }
    } }
  }
}`;

describe('statements per page of accounts with their contracts', () => {
  it('stay the same for 5 and 50 accounts', async () => {
    const token = await server.signedIn(Role.EXECUTIVE);
    const count = async (first: number) => {
      server.resetQueries();
      const response = await server.post(
        { query: CONTRACTS_PAGE, variables: { first } },
        { authorization: `Bearer ${token}` },
      );
      expect(response.body.errors).toBeUndefined();
      const contracts = (response.body.data as any).accounts.edges.flatMap((e: any) => e.node.contracts.edges);
      return { statements: server.queries.length, contracts: contracts.length };
    };
    const small = await count(5);
    const large = await count(50);
    expect(large.contracts).toBeGreaterThan(small.contracts);
    expect(large.statements).toBe(small.statements);
  });
});
