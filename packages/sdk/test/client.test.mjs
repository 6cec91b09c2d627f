// The SDK's client over real HTTP, against a small scripted server (node:http) that records each
// request and answers as a test tells it: headers in every form, idempotency keys, retries, timeouts,
// aborts, response metadata, pagination and typed errors. Runs on the ESM build (`pnpm run test`
// builds first); the consumer test (scripts/sdk-consumer-test.mjs) runs the package against the real server.
import assert from 'node:assert/strict';
import http from 'node:http';
import { createRequire } from 'node:module';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AccountGraphError, AccountsDocument, createClient, isAccountGraphError } from '@account-graph/sdk';

/** @type {{ headers: http.IncomingHttpHeaders; body: any }[]} */
let requests = [];
/**
 * @type {(request: { headers: http.IncomingHttpHeaders; body: any }, index: number) => { status?: number; headers?:
 * Record<string, string>; body?: unknown; raw?: string; destroy?: boolean; delayMs?: number }}
 */
let respond = () => ({ body: { data: { viewer: null } } });
let url = '';
const server = http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    const request = { headers: req.headers, body: JSON.parse(text) };
    requests.push(request);
    const answer = respond(request, requests.length - 1);
    if (answer.destroy) return void req.socket.destroy();
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.raw ?? JSON.stringify(answer.body));
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
});
before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/graphql`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests = [];
  respond = () => ({ body: { data: { viewer: null } } });
});

const fast = { max: 2, baseDelayMs: 1, maxDelayMs: 2_000 };
const createInput = { input: { name: 'Cascade Health Plan', kind: 'HEALTH_PLAN', tier: 'GROWTH' } };
const created = { data: { createAccount: { account: { id: 'A1', name: 'Cascade Health Plan' } } } };

describe('headers', () => {
  const forms = [
    ['a plain object', { 'Idempotency-Key': 'k-object', 'X-Trace': 'object' }],
    ['a Headers object', new Headers({ 'Idempotency-Key': 'k-headers', 'X-Trace': 'headers' })],
    [
      '[name, value] pairs',
      [
        ['Idempotency-Key', 'k-pairs'],
        ['X-Trace', 'pairs'],
      ],
    ],
  ];
  for (const [name, headers] of forms) {
    it(`sends per-call headers given as ${name}`, async () => {
      respond = () => ({ body: created });
      const client = createClient({ url, token: 'secret', headers: { 'x-app': 'tests', 'x-trace': 'client' } });
      await client.createAccount(createInput, { headers });
      const sent = requests[0].headers;
      const expectedKey = new Headers(headers).get('idempotency-key');
      assert.equal(sent['idempotency-key'], expectedKey);
      assert.equal(sent['x-trace'], new Headers(headers).get('x-trace'), 'the call wins over the client');
      assert.equal(sent['x-app'], 'tests');
      assert.equal(sent.authorization, 'Bearer secret');
      assert.equal(requests[0].body.operationName, 'createAccount');
    });
  }

  it('takes client-wide headers in every form too', async () => {
    for (const headers of [new Headers({ 'x-app': 'h' }), [['x-app', 'p']], { 'x-app': 'o' }]) {
      await createClient({ url, headers }).viewer();
    }
    assert.deepEqual(
      requests.map((r) => r.headers['x-app']),
      ['h', 'p', 'o'],
    );
  });

  it('refuses headers passed where the options go instead of dropping them', async () => {
    const client = createClient({ url });
    await assert.rejects(() => client.viewer({}, /** @type {any} */ ({ 'Idempotency-Key': 'k' })), {
      name: 'TypeError',
      message: /Unknown call option "Idempotency-Key".*headers go in/,
    });
    assert.equal(requests.length, 0);
  });

  it('reads the token before every request from getToken', async () => {
    let n = 0;
    const client = createClient({ url, token: 'ignored', getToken: async () => `t${++n}` });
    await client.viewer();
    await client.viewer();
    assert.deepEqual(
      requests.map((r) => r.headers.authorization),
      ['Bearer t1', 'Bearer t2'],
    );
  });
});

describe('idempotency keys and retries', () => {
  it('retries a 503 after Retry-After and reuses the idempotency key', async () => {
    respond = (_request, index) =>
      index === 0
        ? {
            status: 503,
            headers: { 'retry-after': '0' },
            body: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
          }
        : { body: created, headers: { 'x-request-id': 'req-2', 'idempotent-replayed': 'true' } };
    const client = createClient({ url, retries: fast });
    const { data, meta } = await client.withMeta.createAccount(createInput, { idempotencyKey: 'key-1' });
    assert.equal(data.createAccount.account.id, 'A1');
    assert.deepEqual(
      requests.map((r) => r.headers['idempotency-key']),
      ['key-1', 'key-1'],
    );
    assert.deepEqual(
      { attempts: meta.attempts, replayed: meta.replayed, requestId: meta.requestId, key: meta.idempotencyKey },
      { attempts: 2, replayed: true, requestId: 'req-2', key: 'key-1' },
    );
  });

  it("generates one key per mutation with idempotencyKeys: 'auto' and keeps it across retries", async () => {
    respond = (_request, index) => (index % 2 === 0 ? { destroy: true } : { body: created });
    const client = createClient({ url, retries: fast, idempotencyKeys: 'auto' });
    await client.createAccount(createInput);
    await client.createAccount(createInput);
    const keys = requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys.length, 4);
    assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
    assert.equal(keys[0], keys[1]);
    assert.equal(keys[2], keys[3]);
    assert.notEqual(keys[0], keys[2]);
    await client.viewer();
    assert.equal(requests.at(-1)?.headers['idempotency-key'], undefined, 'queries get no key');
  });

  it('does not retry a mutation that has no idempotency key', async () => {
    respond = () => ({ destroy: true });
    const client = createClient({ url, retries: fast });
    const error = await client.createAccount(createInput).catch((e) => e);
    assert.ok(isAccountGraphError(error, 'NETWORK_ERROR'));
    assert.equal(error.attempts, 1);
    assert.equal(requests.length, 1);
  });

  it('retries a query on 429 and network errors, then gives up with the last error', async () => {
    respond = (_request, index) =>
      index === 0
        ? { destroy: true }
        : {
            status: 429,
            headers: { 'retry-after': '0' },
            body: { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }] },
          };
    const client = createClient({ url, retries: fast });
    const error = await client.viewer().catch((e) => e);
    assert.ok(error instanceof AccountGraphError);
    assert.deepEqual(
      { code: error.code, status: error.status, attempts: error.attempts },
      { code: 'RATE_LIMITED', status: 429, attempts: 3 },
    );
    assert.equal(requests.length, 3);
  });

  it('does not wait out a Retry-After longer than maxDelayMs', async () => {
    respond = () => ({
      status: 429,
      headers: { 'retry-after': '60' },
      body: { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] },
    });
    const error = await createClient({ url, retries: fast })
      .viewer()
      .catch((e) => e);
    assert.deepEqual(
      { code: error.code, retryAfterSeconds: error.retryAfterSeconds, attempts: error.attempts },
      { code: 'RATE_LIMITED', retryAfterSeconds: 60, attempts: 1 },
    );
  });

  it('times out each request after timeoutMs and retries it', async () => {
    respond = (_request, index) =>
      index === 0 ? { delayMs: 1_000, body: { data: { viewer: null } } } : { body: { data: { viewer: { id: 'U1' } } } };
    const client = createClient({ url, timeoutMs: 100, retries: fast });
    assert.deepEqual(await client.viewer(), { viewer: { id: 'U1' } });
    assert.equal(requests.length, 2);
  });

  it('reports a timeout as NETWORK_ERROR naming the time', async () => {
    respond = () => ({ delayMs: 1_000, body: { data: { viewer: null } } });
    const error = await createClient({ url, timeoutMs: 100, retries: 0 })
      .viewer()
      .catch((e) => e);
    assert.equal(error.code, 'NETWORK_ERROR');
    assert.match(error.message, /no response within 100 ms/);
  });

  it('stops at once when the signal aborts, during a request or a wait', async () => {
    respond = () => ({ delayMs: 1_000, body: { data: { viewer: null } } });
    const client = createClient({ url, retries: fast });
    const during = await client.viewer({}, { signal: AbortSignal.timeout(50) }).catch((e) => e);
    assert.equal(during.code, 'ABORTED');
    respond = () => ({
      status: 503,
      headers: { 'retry-after': '1' },
      body: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    });
    const started = Date.now();
    const waiting = await client.viewer({}, { signal: AbortSignal.timeout(100) }).catch((e) => e);
    assert.equal(waiting.code, 'ABORTED');
    assert.ok(Date.now() - started < 900, 'the Retry-After wait was cut short');
  });
});

describe('results and errors', () => {
  it('gives BAD_USER_INPUT its fields, reason and request id', async () => {
    respond = () => ({
      headers: { 'x-request-id': 'req-9' },
      body: {
        data: null,
        errors: [
          {
            message: 'name must not be empty',
            path: ['createAccount'],
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'INVALID_INPUT',
              fields: [{ path: 'input.name', message: 'name must not be empty' }],
            },
          },
        ],
      },
    });
    const error = await createClient({ url })
      .createAccount(createInput)
      .catch((e) => e);
    assert.ok(error instanceof AccountGraphError);
    assert.deepEqual(
      {
        code: error.code,
        reason: error.reason,
        fields: error.fields,
        requestId: error.requestId,
        operationName: error.operationName,
      },
      {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [{ path: 'input.name', message: 'name must not be empty' }],
        requestId: 'req-9',
        operationName: 'createAccount',
      },
    );
  });

  it('reports a proxy page without a GraphQL body as NETWORK_ERROR with its status', async () => {
    respond = () => ({ status: 502, raw: '<html>Bad gateway</html>' });
    const error = await createClient({ url, retries: 0 })
      .viewer()
      .catch((e) => e);
    assert.deepEqual({ code: error.code, status: error.status }, { code: 'NETWORK_ERROR', status: 502 });
  });

  it('runs any typed document through request, and a plain string too', async () => {
    respond = () => ({
      body: { data: { accounts: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } },
    });
    const client = createClient({ url });
    const { accounts } = await client.request(AccountsDocument, { first: 3 });
    assert.equal(accounts.totalCount, 0);
    assert.equal(requests[0].body.operationName, 'accounts');
    assert.deepEqual(requests[0].body.variables, { first: 3 });
    const mine = await client.requestWithMeta('mutation Renamed { x }', {}, { idempotencyKey: 'own' });
    assert.equal(mine.meta.idempotencyKey, 'own');
    assert.equal(requests[1].body.operationName, 'Renamed');
  });

  it('tells a mutation from a query in any document, fragments first or not', async () => {
    const client = createClient({ url, idempotencyKeys: 'auto' });
    await client.request('fragment F on Account { id }\n# mutation in a comment\nmutation Make { x { ...F } }');
    await client.request('query ($q: String = "mutation {") { a(q: $q) }');
    await client.request('"""A mutation { described }""" { a }');
    assert.deepEqual(
      requests.map((r) => [r.body.operationName, typeof r.headers['idempotency-key']]),
      [
        ['Make', 'string'],
        [undefined, 'undefined'],
        [undefined, 'undefined'],
      ],
    );
  });

  it('calls onResponse with each success', async () => {
    const seen = [];
    respond = () => ({ headers: { 'x-request-id': 'r1' }, body: { data: { viewer: null } } });
    await createClient({ url, onResponse: (meta) => seen.push([meta.operationName, meta.requestId]) }).viewer();
    assert.deepEqual(seen, [['viewer', 'r1']]);
  });
});

describe('paginate', () => {
  const page = (ids, endCursor, hasNextPage) => ({
    data: {
      accounts: {
        totalCount: 5,
        pageInfo: { hasNextPage, endCursor, hasPreviousPage: false, startCursor: null },
        edges: ids.map((id) => ({ cursor: id, node: { id } })),
      },
    },
  });
  it('yields every item page after page, passing the variables and each end cursor', async () => {
    respond = (request) =>
      request.body.variables.after === null
        ? { body: page(['a', 'b'], 'c2', true) }
        : request.body.variables.after === 'c2'
          ? { body: page(['c', 'd'], 'c4', true) }
          : { body: page(['e'], 'c5', false) };
    const client = createClient({ url });
    const ids = [];
    for await (const account of client.paginate.accounts({ first: 2, filter: { search: 'health' } }))
      ids.push(account.id);
    assert.deepEqual(ids, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(
      requests.map((r) => [r.body.variables.after, r.body.variables.first, r.body.variables.filter.search]),
      [
        [null, 2, 'health'],
        ['c2', 2, 'health'],
        ['c4', 2, 'health'],
      ],
    );
    const sizes = [];
    for await (const p of client.paginate.accounts({ first: 2 }).pages()) sizes.push(p.edges.length);
    assert.deepEqual(sizes, [2, 2, 1]);
  });
});

describe('CommonJS build', () => {
  it('is the same API through require', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('@account-graph/sdk');
    assert.equal(typeof cjs.createClient, 'function');
    assert.equal(String(cjs.AccountsDocument), String(AccountsDocument));
    assert.ok(new cjs.AccountGraphError('x', { code: 'NETWORK_ERROR' }) instanceof Error);
  });
});
