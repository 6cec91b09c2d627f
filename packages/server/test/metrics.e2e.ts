import { OPERATION_LABEL_LIMIT } from '../src/app/metrics';
import { errorCodes, TestServer } from './support/harness';
import { testDialect } from './support/test-database';

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one metric in Prometheus' text format (labels without escaped quotes, as here). */
function samples(text: string, name: string): Sample[] {
  const found: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    found.push({ labels, value: Number(match[3]) });
  }
  return found;
}

/** The value of the one sample of `name` with exactly these labels (undefined when there is none). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples(text, name).find((sample) => JSON.stringify(Object.entries(sample.labels).sort()) === wanted)?.value;
}

async function scrape(
  server: TestServer,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.origin}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('GET /metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });

  afterAll(async () => {
    await server.close();
  });

  it('counts requests by operation and outcome, times them, and reports SQL, the pool and the process', async () => {
    server.resetQueries();
    const ok = await server.gql('vp', 'query accounts { accounts(first: 2) { totalCount } }');
    expect(ok.body.errors).toBeUndefined();
    const badInput = await server.gql('vp', 'query tooMany { accounts(first: 500) { totalCount } }');
    expect(errorCodes(badInput)).toEqual(['BAD_USER_INPUT']);
    const signedOut = await server.gql(null, 'query accounts { accounts(first: 2) { totalCount } }');
    expect(errorCodes(signedOut)).toEqual(['UNAUTHENTICATED']);
    const statementsRun = server.queries.length;

    const { status, type, text } = await scrape(server);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);

    expect(samples(text, 'graphql_requests_total')).toEqual(
      expect.arrayContaining([
        { labels: { operation: 'accounts', outcome: 'OK' }, value: 1 },
        { labels: { operation: 'accounts', outcome: 'UNAUTHENTICATED' }, value: 1 },
        { labels: { operation: 'tooMany', outcome: 'BAD_USER_INPUT' }, value: 1 },
      ]),
    );
    expect(samples(text, 'graphql_requests_total')).toHaveLength(3);

    expect(value(text, 'graphql_request_duration_seconds_count', { operation: 'accounts' })).toBe(2);
    expect(value(text, 'graphql_request_duration_seconds_count', { operation: 'tooMany' })).toBe(1);
    const buckets = samples(text, 'graphql_request_duration_seconds_bucket').filter(
      (sample) => sample.labels.operation === 'accounts',
    );
    expect(buckets.map((sample) => sample.labels.le)).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
      '+Inf',
    ]);
    expect(buckets.at(-1)?.value).toBe(2);

    // By the status class each client received.
    const classes: Record<string, number> = {};
    for (const response of [ok, badInput, signedOut])
      classes[`${Math.floor(response.status / 100)}xx`] = (classes[`${Math.floor(response.status / 100)}xx`] ?? 0) + 1;
    expect(classes['4xx']).toBeGreaterThanOrEqual(1);
    for (const [statusClass, count] of Object.entries(classes)) {
      expect(value(text, 'http_request_duration_seconds_count', { route: '/graphql', status_class: statusClass })).toBe(
        count,
      );
    }

    const dialect = testDialect;
    expect(statementsRun).toBeGreaterThan(0);
    expect(value(text, 'sql_statements_total', { dialect })).toBe(statementsRun);
    expect(value(text, 'sql_statement_duration_seconds_count', { dialect })).toBe(statementsRun);

    // Nothing runs while the scrape is answered: every connection the pool opened is idle.
    const idle = value(text, 'db_pool_connections', { dialect, state: 'idle' });
    expect(value(text, 'db_pool_connections', { dialect, state: 'in_use' })).toBe(0);
    if (dialect === 'mysql') {
      expect(idle).toBeGreaterThanOrEqual(1);
      expect(value(text, 'db_pool_max_connections', { dialect })).toBe(30);
      expect(value(text, 'db_pool_waiting_requests', { dialect })).toBe(0);
    } else {
      expect(idle).toBe(1);
      expect(value(text, 'db_pool_max_connections', { dialect })).toBe(1);
    }

    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(value(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    // The scrape itself shows in the next one, under its own route.
    const again = await scrape(server);
    expect(value(again.text, 'http_request_duration_seconds_count', { route: '/metrics', status_class: '2xx' })).toBe(
      1,
    );
    await fetch(`${server.origin}/nowhere`);
    const third = await scrape(server);
    expect(value(third.text, 'http_request_duration_seconds_count', { route: 'other', status_class: '4xx' })).toBe(1);
  });

  it('keeps the operation label set bounded however many names clients invent', async () => {
    const before = samples((await scrape(server)).text, 'graphql_requests_total').map(
      (sample) => sample.labels.operation,
    );
    const named = new Set(before.filter((name) => name !== 'anonymous' && name !== 'other'));
    const flood = Array.from(
      { length: OPERATION_LABEL_LIMIT + 20 },
      (_, i) => `flood_${i}_${Math.random().toString(36).slice(2, 8)}`,
    );
    for (let i = 0; i < flood.length; i += 10) {
      const responses = await Promise.all(
        flood.slice(i, i + 10).map((name) => server.gql(null, `query ${name} { __typename }`)),
      );
      for (const response of responses) expect(response.body.errors).toBeUndefined();
    }
    // Too long for a label; an operation name that names nothing in the document; no name at all.
    await server.gql(null, `query ${'x'.repeat(65)} { __typename }`);
    const unresolved = await server.post(
      { query: 'query a { __typename }', operationName: 'no "such" op' },
      { authorization: `Bearer ${await server.token('vp')}` },
    );
    expect(errorCodes(unresolved)).toEqual(['BAD_USER_INPUT']);
    await server.gql(null, '{ __typename }');

    const after = samples((await scrape(server)).text, 'graphql_requests_total');
    const labels = new Set(after.map((sample) => sample.labels.operation));
    expect([...labels].filter((name) => name !== 'anonymous' && name !== 'other')).toHaveLength(OPERATION_LABEL_LIMIT);
    const admitted = OPERATION_LABEL_LIMIT - named.size;
    expect(labels.has(flood[admitted - 1])).toBe(true);
    expect(labels.has(flood[admitted])).toBe(false);
    const count = (operation: string, outcome: string) =>
      after.find((s) => s.labels.operation === operation && s.labels.outcome === outcome)?.value;
    expect(count('other', 'OK')).toBe(flood.length - admitted + 1);
    expect(count('other', 'BAD_USER_INPUT')).toBe(1);
    expect(count('anonymous', 'OK')).toBe(1);
  });
});

describe('METRICS_TOKEN and METRICS_ENABLED', () => {
  const token = 'scrape-token-0123456789abcdef';
  let guarded: TestServer;
  let disabled: TestServer;

  beforeAll(async () => {
    guarded = await TestServer.start({ seed: false, env: { METRICS_TOKEN: token } });
    disabled = await TestServer.start({ seed: false, env: { METRICS_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await guarded?.close();
    await disabled?.close();
  });

  it('answers 401 without the token or with a wrong one, and the metrics with it', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: `Bearer ${token}x` },
      { authorization: `Bearer ${token.slice(1)}` },
      { authorization: `Basic ${token}` },
    ]) {
      const refused = await scrape(guarded, headers);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('graphql_requests_total');
    }
    const allowed = await scrape(guarded, { authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('# TYPE graphql_requests_total counter');
  });

  it('serves no /metrics when turned off, and GraphQL goes on as before', async () => {
    expect((await scrape(disabled)).status).toBe(404);
    const response = await disabled.gql(null, '{ __typename }');
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });
});
