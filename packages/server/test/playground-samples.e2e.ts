import { Kind, parse, print } from 'graphql';
import { DEFAULT_QUERY } from '../src/app/playground';
import { TestServer } from './support/harness';

/** The playground's sample operations run as written, for the person the welcome text suggests (an account manager). */
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(() => server?.close());

const operations = parse(DEFAULT_QUERY).definitions.flatMap((definition) =>
  definition.kind === Kind.OPERATION_DEFINITION ? [[definition.name?.value ?? 'anonymous', print(definition)]] : [],
);

it('offers the welcome, a day of work and a dashboard question', () => {
  expect(operations.map(([name]) => name)).toEqual(['MyPortfolio', 'MyDay', 'RevenueByMonth']);
});

it.each(operations)('runs %s without an error and with data', async (_name, operation) => {
  const response = await server.gql('jordan', operation);
  expect(response.body.errors).toBeUndefined();
  expect(Object.values(response.body.data ?? {}).length).toBeGreaterThan(0);
});

it("puts the account manager's least healthy accounts first, each score explained", async () => {
  const [, myDay] = operations.find(([name]) => name === 'MyDay')!;
  const response = await server.gql('jordan', myDay);
  const accounts = response.body.data!.accounts.edges.map((edge: any) => edge.node);
  expect(accounts.length).toBeGreaterThan(0);
  const scores = accounts.map((account: any) => account.health.score);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));
  for (const account of accounts) expect(account.health.components.map((c: any) => c.explanation)).not.toContain('');
});
