import { signDevToken } from '../src/common/auth';
import { DEV_JWT_SECRET } from '../src/config/config';
import { errorCodes, TestServer } from './support/harness';

/** NODE_ENV=production: no playground, no introspection, no schema hints in errors. */
let server: TestServer;
const logLines: string[] = [];

beforeAll(async () => {
  server = await TestServer.start({
    env: { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars' },
    logLines,
  });
});

afterAll(async () => {
  await server.close();
});

it('serves no playground page', async () => {
  const response = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(await response.text()).not.toContain('GraphiQL');
});

it('refuses introspection, even signed in', async () => {
  const response = await server.gql('vp', '{ __schema { types { name } } }');
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.body.data ?? null).toBeNull();
});

it('suggests no field names in errors', async () => {
  const response = await server.gql('vp', '{ acounts { totalCount } }');
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.body.errors?.[0].message).not.toMatch(/Did you mean|accounts/);
});

it("answers a resolver's refusal with its own code, as in development, not as a server error", async () => {
  const response = await server.gql(
    'vp',
    'mutation { updateAccount(input: { id: "QWNjb3VudDo5OTk5OTk=", name: "Renamed", expectedVersion: 1 }) { account { id } } }',
  );
  expect(response.status).toBe(200);
  expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  expect(logLines.join('\n')).not.toContain('read only');
});

it('refuses development tokens signed with another secret', async () => {
  const devToken = await signDevToken(DEV_JWT_SECRET, { email: 'dana.whitfield@accountgraph.example' });
  const response = await server.post({ query: '{ viewer { name } }' }, { authorization: `Bearer ${devToken}` });
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
});

describe('probing for the schema by guessing names', () => {
  const message = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.gql('vp', query, variables);
    expect(new Set(errorCodes(response))).toEqual(new Set(['BAD_USER_INPUT']));
    return response.body.errors!.map((error) => error.message).join(' | ');
  };

  it('answers a root field that exists exactly as one that does not', async () => {
    // `accounts` exists (and needs a selection), `accountz` does not: the answers must not differ.
    const words = ['accounts', 'accountz', 'invoices', 'invoicez', 'users', 'payroll', 'viewer', 'secrets'];
    const messages = await Promise.all(words.map((word) => message(`{ ${word} }`)));
    expect(new Set(messages).size).toBe(1);
    for (const word of words) expect(messages[0]).not.toContain(word);
  });

  it('names no type, field or argument in a validation error', async () => {
    const probes = [
      '{ viewer { name { first } } }',
      '{ accounts(firstt: 5) { totalCount } }',
      '{ account { name } }',
      'query ($x: NoSuchType) { viewer { name } }',
      '{ viewer { ... on Invoice { number } } }',
    ];
    for (const probe of probes) {
      expect(await message(probe)).not.toMatch(
        /viewer|name|accounts|firstt|account|NoSuchType|Invoice|number|User|String|ID!|Int/,
      );
    }
  });

  it('names no input field in a variable that does not fit', async () => {
    const text = await message('query ($filter: AccountFilter) { accounts(filter: $filter) { totalCount } }', {
      filter: { stattus: ['ACTIVE'] },
    });
    expect(text).toContain('$filter');
    expect(text).not.toMatch(/stattus|status|AccountFilter/);
  });

  it('still says what is wrong with the request limits', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    expect(await message(`{ ${aliases} }`)).toMatch(/alias/i);
  });
});
