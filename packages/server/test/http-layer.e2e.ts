import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { TestServer } from './support/harness';

/** A request sent byte for byte as given (fetch would add or refuse headers). */
function send(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const request = http.request({ hostname, port, method, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const NOT_JSON = {
  errors: [
    {
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_REQUEST' },
    },
  ],
};

/** What the HTTP layer does below GraphQL: bodies, paths, the playground's negotiation, the request log. */
describe('HTTP layer', () => {
  const logLines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ seed: false, logLines });
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, body: string | Buffer) =>
    send(server.origin, 'POST', '/graphql', headers, body);

  it('reads JSON bodies in a UTF charset, compressed or not', async () => {
    for (const [headers, body] of [
      [{ 'content-type': 'application/json; charset=utf-8' }, TYPENAME],
      [{ 'content-type': 'Application/JSON' }, `\n ${TYPENAME}`],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(TYPENAME)],
    ] as const) {
      const response = await post(headers, body);
      expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    }
  });

  it('refuses a body that is not a JSON object or array, or cannot be decoded', async () => {
    for (const [headers, body, status] of [
      [{ 'content-type': 'application/json' }, '123', 400],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, TYPENAME, 400],
      [{ 'content-type': 'application/json', 'content-encoding': 'zzz' }, TYPENAME, 415],
      [{ 'content-type': 'application/json; charset=latin1' }, TYPENAME, 415],
    ] as const) {
      const response = await post(headers, body);
      expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status, body: NOT_JSON });
    }
  });

  it('counts the size limit after decompression', async () => {
    const large = gzipSync(JSON.stringify({ query: '{ __typename }', padding: 'a'.repeat(1_100_000) }));
    expect(large.length).toBeLessThan(100_000);
    const response = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, large);
    expect(response.status).toBe(413);
  });

  it('leaves other content types to GraphQL, which says what is missing', async () => {
    const response = await post({ 'content-type': 'application/graphql+json' }, TYPENAME);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].message).toMatch(/POST body missing/);
  });

  it('matches paths in any case and with a trailing slash, and answers 404 elsewhere', async () => {
    expect((await send(server.origin, 'GET', '/HEALTH/')).status).toBe(200);
    expect(
      (await send(server.origin, 'POST', '/GraphQL/', { 'content-type': 'application/json' }, TYPENAME)).status,
    ).toBe(200);
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/health'],
      ['POST', '/metrics'],
      ['GET', '/graphqlx'],
    ]) {
      const response = await send(server.origin, method, path);
      expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({
        status: 404,
        body: { error: 'Not found. GraphQL is served at /graphql.' },
      });
    }
  });

  it('serves the playground to clients that accept HTML, and lets a browser keep its copy', async () => {
    const page = await send(server.origin, 'GET', '/graphql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const again = await send(server.origin, 'GET', '/graphql', {
      accept: 'text/html',
      'if-none-match': String(page.headers.etag),
    });
    expect(again.status).toBe(304);
    // Not for a client that accepts only JSON, nor when the request carries a query.
    for (const headers of [{ accept: 'application/json' }, { accept: 'text/html;q=0, */*' }]) {
      expect((await send(server.origin, 'GET', '/graphql', headers)).headers['content-type']).toMatch(/json/);
    }
    const query = await send(server.origin, 'GET', '/graphql?query=%7B__typename%7D', {
      accept: 'text/html, application/json',
      'apollo-require-preflight': '1',
    });
    expect(JSON.parse(query.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('logs one line per request with its id, method, URL, status and time, but none per probe', async () => {
    logLines.length = 0;
    await send(server.origin, 'GET', '/health');
    await post({ 'content-type': 'application/json', 'x-request-id': 'layer-1' }, TYPENAME);
    const lines = logLines.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      reqId: 'layer-1',
      req: { id: 'layer-1', method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
  });
});
