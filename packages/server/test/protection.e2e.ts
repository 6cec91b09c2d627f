import { REQUEST_LIMITS } from '../src/app/server';
import { errorCodes, TestServer } from './support/harness';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(async () => {
  await server.close();
});

describe('authentication', () => {
  it('refuses an operation without a token with UNAUTHENTICATED and HTTP 401', async () => {
    const response = await server.gql(null, '{ accounts { totalCount } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data ?? null).toBeNull();
  });

  it('lets the playground introspect without a token', async () => {
    const response = await server.gql(null, '{ __schema { queryType { name } } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('still introspects with the placeholder token the playground starts with, but runs nothing with it', async () => {
    const placeholder = { authorization: 'Bearer <paste a token here>' };
    const introspection = await server.post({ query: '{ __schema { queryType { name } } }' }, placeholder);
    expect(introspection.body.errors).toBeUndefined();
    const query = await server.post({ query: '{ viewer { name } }' }, placeholder);
    expect(query.status).toBe(401);
    expect(errorCodes(query)).toEqual(['UNAUTHENTICATED']);
    expect(query.body.errors?.[0].message).toMatch(/must be "Bearer <token>" with one token/);
  });

  it('refuses a forged, expired or malformed token', async () => {
    // Change a character in the middle of the signature (the last one may carry only padding bits).
    const token = await server.token('jordan');
    const at = token.lastIndexOf('.') + 10;
    const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-a-jwt', 'Basic dXNlcjpwYXNz']) {
      const response = await server.post({ query: '{ viewer { name } }' }, { authorization });
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a valid token for someone who has left', async () => {
    const response = await server.gql('chris', '{ viewer { name } }');
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors?.[0].message).toMatch(/no longer active/);
  });

  it('remembers a verified token for a few seconds, and never a refused one', async () => {
    const token = await server.token('jordan');
    const ask = () => server.post({ query: '{ viewer { name } }' }, { authorization: `Bearer ${token}` });
    await ask();
    server.resetQueries();
    expect((await ask()).body.data).toEqual({ viewer: { name: 'Jordan Kim' } });
    expect(server.queries).toEqual([]);

    // Someone who has left is looked up again on every request: reactivating them takes effect at once.
    const left = await server.token('chris');
    for (let attempt = 0; attempt < 2; attempt++) {
      server.resetQueries();
      expect(
        errorCodes(await server.post({ query: '{ viewer { name } }' }, { authorization: `Bearer ${left}` })),
      ).toEqual(['UNAUTHENTICATED']);
      expect(server.queries.length).toBeGreaterThan(0);
    }
  });

  it('names the signed-in member of staff as viewer', async () => {
    const response = await server.gql('jordan', '{ viewer { name email role manager { name } } }');
    expect(response.body.data).toEqual({
      viewer: {
        name: 'Jordan Kim',
        email: 'jordan.kim@accountgraph.example',
        role: 'ACCOUNT_MANAGER',
        manager: { name: 'Marcus Ellison' },
      },
    });
  });
});

describe('request limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < REQUEST_LIMITS.maxDepth; i++) selection = `manager { ${selection} }`;
    const response = await server.gql('admin', `{ viewer { ${selection} } }`);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].message).toMatch(/depth/i);
  });

  it('accepts a query just inside the depth limit', async () => {
    let selection = 'id';
    for (let i = 0; i < REQUEST_LIMITS.maxDepth - 3; i++) selection = `manager { ${selection} }`;
    const response = await server.gql('admin', `{ viewer { ${selection} } }`);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: REQUEST_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const response = await server.gql('admin', `{ ${aliases} }`);
    expect(errorCodes(response)).toContain('BAD_USER_INPUT');
    expect(response.body.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses a document with more tokens than the limit', async () => {
    const fields = Array.from({ length: REQUEST_LIMITS.maxTokens }, () => 'id').join(' ');
    const response = await server.gql('admin', `{ viewer { ${fields} } }`);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].message).toMatch(/token/i);
  });

  it('refuses a request body over the size limit with HTTP 413', async () => {
    const padding = 'x'.repeat(1024 * 1024 + 10);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token('admin')}` },
      body: JSON.stringify({ query: '{ viewer { id } }', variables: { padding } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body is larger than 1mb.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_REQUEST' },
        },
      ],
    });
  });

  it('answers a body that is not JSON with BAD_USER_INPUT and no stack', async () => {
    const response = await server.post('{"query": "{ viewer { id } }"', {
      authorization: `Bearer ${await server.token('admin')}`,
    });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|node_modules/);
  });

  it('does not execute batched operations', async () => {
    const response = await server.post([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }], {
      authorization: `Bearer ${await server.token('admin')}`,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/"viewer"/);
  });

  it.each([0, 101, -1])('refuses first: %i with BAD_USER_INPUT naming the argument', async (first) => {
    const response = await server.gql('admin', 'query ($first: Int!) { accounts(first: $first) { totalCount } }', {
      first,
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].extensions?.fields).toEqual([
      { path: 'first', message: 'first must be between 1 and 100' },
    ]);
  });

  it('answers a variable of the wrong type with HTTP 400 and BAD_USER_INPUT', async () => {
    for (const [query, variables] of [
      ['query ($id: ID!) { account(id: $id) { name } }', { id: 5.5 }],
      ['query ($first: Int!) { accounts(first: $first) { totalCount } }', { first: 'many' }],
    ] as const) {
      const response = await server.post(
        { query, variables },
        { authorization: `Bearer ${await server.token('jordan')}` },
      );
      expect(response.status).toBe(400);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a malformed cursor', async () => {
    const response = await server.gql('admin', '{ accounts(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'after' })]);
  });

  it('refuses a cursor made for another sort order', async () => {
    const byName = await server.gql('admin', '{ accounts(first: 2) { pageInfo { endCursor } } }');
    const cursor = byName.body.data!.accounts.pageInfo.endCursor;
    const response = await server.gql(
      'admin',
      'query ($after: String) { accounts(first: 2, after: $after, orderBy: { field: MEMBERS_REACHED }) { totalCount } }',
      {
        after: cursor,
      },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an unknown enum value without echoing the schema', async () => {
    const response = await server.gql('admin', '{ accounts(filter: { status: [SLEEPING] }) { totalCount } }');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads an unknown or foreign id as null', async () => {
    const response = await server.gql(
      'admin',
      '{ a: account(id: "QWNjb3VudDo5OTk5OTk=") { id } b: account(id: "garbage") { id } c: node(id: "VXNlcjo5OTk5OTk=") { id } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ a: null, b: null, c: null });
  });
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    const health = await fetch(`${server.origin}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('sends a request id back, and keeps a sane one the client sent', async () => {
    const mine = await server.post({ query: '{ __typename }' }, { 'x-request-id': 'trace-abc-123' });
    expect(mine.headers.get('x-request-id')).toBe('trace-abc-123');
    const generated = await server.post({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
