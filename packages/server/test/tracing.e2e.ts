import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { signDevToken } from '../src/common/auth';
import { DEMO_STAFF } from '../src/db/seed/demo-seed';
import { createTestDatabase, testDialect, type TestDatabase } from './support/test-database';

/** A span as OTLP/HTTP JSON carries it: hex ids, attributes as key and typed value. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: { stringValue?: string; intValue?: number | string; boolValue?: boolean } }[];
  status?: { code?: number };
}

interface ExportRequest {
  resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;

function attribute(span: { attributes?: OtlpSpan['attributes'] }, key: string): string | number | boolean | undefined {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : value?.boolValue);
}

const serverDir = join(__dirname, '..');
const SECRET = 'tracing-test-secret-0123456789abcdef';

/**
 * The server runs as its own process, as in production: the OTLP exporter loads Node's http
 * module with a dynamic import, which Jest's module sandbox refuses. It also proves that SIGTERM
 * sends the spans still batched before the process exits.
 */
async function startServer(
  database: TestDatabase,
  collectorPort: number,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const databaseUrl = database.config.dialect === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      // The runner's own OpenTelemetry settings, if any, would point the server elsewhere.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_'))),
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}/`,
      OTEL_SERVICE_NAME: 'account-graph-test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = output.split('\n').find((l) => l.includes('"msg":"Account Graph is listening"'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

describe('OpenTelemetry tracing', () => {
  /** Every export the server sent: path, content type and body as received. */
  const received: { path: string; contentType: string; body: string }[] = [];
  let collector: http.Server;
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  beforeAll(async () => {
    // A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver.
    collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    database = createTestDatabase();
    server = await startServer(database, (collector.address() as AddressInfo).port);
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await database?.drop();
    await new Promise((resolve) => collector.close(resolve));
  });

  it('sends a span per request, its SQL statements as children, and never a parameter value', async () => {
    const { child, url, output } = server!;
    const token = await signDevToken(
      SECRET,
      DEMO_STAFF.find((staff) => staff.key === 'vp')!,
    );
    /**
     * POSTs the body in two packets with a pause between, as a slow client or a large body
     * arrives: the second packet comes in on the connection, outside the request's own work.
     */
    const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
      new Promise<{ status: number; requestId: string; body: { errors?: { extensions: { code: string } }[] } }>(
        (resolve, reject) => {
          const body = JSON.stringify({ query, variables });
          const request = http.request(
            url,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
            },
            (response) => {
              let text = '';
              response.on('data', (chunk) => (text += chunk));
              response.on('end', () =>
                resolve({
                  status: response.statusCode ?? 0,
                  requestId: String(response.headers['x-request-id']),
                  body: JSON.parse(text),
                }),
              );
            },
          );
          request.on('error', reject);
          request.write(body.slice(0, 20));
          setTimeout(() => request.end(body.slice(20)), 50);
        },
      );
    const secret = 'Zebra-Parameter-7734';
    const found = await post(
      'query findAccounts($text: String) { accounts(first: 5, filter: { search: $text }) { totalCount edges { node { name owner { name } } } } }',
      { text: secret },
      { authorization: `Bearer ${token}` },
    );
    expect(found.body.errors).toBeUndefined();
    // A caller that is itself traced: the request's span continues its trace.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const continued = await post(
      'query whoAmI { viewer { name } accounts(first: 1) { totalCount } }',
      {},
      { authorization: `Bearer ${token}`, traceparent: `00-${callerTrace}-${callerSpan}-01` },
    );
    expect(continued.body.errors).toBeUndefined();
    const signedOut = await post('query signedOut { viewer { name } }', {}, {});
    expect(signedOut.body.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);

    // Stopping the server sends what is still batched (the batch would otherwise wait 5 s).
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"stopped"');

    expect(received.length).toBeGreaterThan(0);
    for (const request of received) {
      expect(request.path).toBe('/v1/traces');
      expect(request.contentType).toMatch(/^application\/json/);
    }
    const exports = received.map((request) => JSON.parse(request.body) as ExportRequest);
    for (const resourceSpans of exports.flatMap((e) => e.resourceSpans)) {
      expect(attribute(resourceSpans.resource, 'service.name')).toBe('account-graph-test');
    }
    const spans = exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    const requestSpan = (name: string) => {
      const matching = spans.filter((span) => span.name === name);
      expect(matching).toHaveLength(1);
      return matching[0];
    };
    const sqlUnder = (parent: OtlpSpan) => spans.filter((span) => span.parentSpanId === parent.spanId);

    const find = requestSpan('graphql.query findAccounts');
    expect(find.kind).toBe(SPAN_KIND_SERVER);
    expect(find.parentSpanId || undefined).toBeUndefined();
    expect(attribute(find, 'graphql.operation.name')).toBe('findAccounts');
    expect(attribute(find, 'graphql.operation.type')).toBe('query');
    expect(attribute(find, 'graphql.outcome')).toBe('OK');
    expect(attribute(find, 'request.id')).toBe(found.requestId);
    expect(attribute(find, 'http.response.status_code')).toBe(200);

    // The page, its count and the owners (and sign-in, unless remembered): each a child of the request's span.
    const statements = sqlUnder(find);
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const span of statements) {
      expect(span.traceId).toBe(find.traceId);
      expect(span.kind).toBe(SPAN_KIND_CLIENT);
      expect(attribute(span, 'db.system')).toBe(testDialect);
      expect(String(attribute(span, 'db.statement'))).toMatch(/^SELECT /i);
      expect(String(attribute(span, 'db.statement')).length).toBeLessThanOrEqual(2049);
    }
    // The search text went to the database as a bound parameter, and no span carries it.
    expect(statements.some((span) => /LIKE/i.test(String(attribute(span, 'db.statement'))))).toBe(true);
    expect(received.some((request) => request.body.includes(secret))).toBe(false);
    expect(received.some((request) => request.body.includes(token))).toBe(false);
    // Every SQL span belongs to some request: none from migrations or seeding, none left without a parent.
    const sqlSpans = spans.filter((span) => attribute(span, 'db.system') !== undefined);
    const requestIds = new Set(spans.filter((span) => span.kind === SPAN_KIND_SERVER).map((span) => span.spanId));
    for (const span of sqlSpans) expect(requestIds.has(span.parentSpanId ?? '')).toBe(true);

    const who = requestSpan('graphql.query whoAmI');
    expect(who.traceId).toBe(callerTrace);
    expect(who.parentSpanId).toBe(callerSpan);
    expect(sqlUnder(who).length).toBeGreaterThanOrEqual(1);
    for (const span of sqlUnder(who)) expect(span.traceId).toBe(callerTrace);

    const refused = requestSpan('graphql.query signedOut');
    expect(attribute(refused, 'graphql.outcome')).toBe('UNAUTHENTICATED');
    expect(attribute(refused, 'http.response.status_code')).toBe(401);
    expect(sqlUnder(refused)).toHaveLength(0);
  });
});
