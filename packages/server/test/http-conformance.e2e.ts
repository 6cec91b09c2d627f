import { serverAudits } from 'graphql-http';
import { TestServer } from './support/harness';

/**
 * graphql-http's audit of the GraphQL-over-HTTP spec. A bare Apollo Server 5 passes every MUST and
 * warns on three SHOULDs: it answers 400, not 200, to a document that fails to parse, validate or
 * coerce its variables when the client accepts only application/json. This server may do no worse.
 */
const APOLLO_WARNINGS = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe('GraphQL over HTTP conformance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ seed: false });
  });
  afterAll(() => server.close());

  it('passes every MUST and warns on no more than a bare Apollo Server does', async () => {
    const results: { name: string; status: string; reason?: string }[] = [];
    for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, reason: 'reason' in result ? result.reason : undefined });
    }
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
    expect(results.filter((r) => r.status === 'warn').map((r) => r.name)).toEqual(APOLLO_WARNINGS);
  });

  it('answers a syntax error with 400 and BAD_USER_INPUT, not a 500', async () => {
    const response = await server.post({ query: '{ 8f31 }' }, { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
