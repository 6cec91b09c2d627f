import { TestServer } from './support/harness';

/**
 * Browser apps on other origins (a BI dashboard) reach the API only from the origins in
 * CORS_ORIGINS; with none set, no cross-origin header is ever sent.
 */
const DASHBOARD = 'https://bi.example.com';
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ env: { CORS_ORIGINS: `${DASHBOARD}, https://ops.example.com` } });
});

afterAll(async () => {
  await server.close();
});

function preflight(origin: string, headers = 'authorization, content-type, idempotency-key'): Promise<Response> {
  return fetch(server.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

it("answers an allowed origin's preflight with what it may send", async () => {
  const response = await preflight(DASHBOARD);
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
  const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
  expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
  expect(response.headers.get('access-control-max-age')).toBe('600');
  expect(response.headers.get('vary')).toBe('Origin');
});

it('lets an allowed origin read the answer and its request id', async () => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: {
      origin: DASHBOARD,
      'content-type': 'application/json',
      authorization: `Bearer ${await server.token('bi')}`,
    },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { viewer: { role: 'BI_READER' } } });
  expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
});

it('refuses the preflight of an origin not on the list, saying how to allow it', async () => {
  const response = await preflight('https://evil.example.com');
  expect(response.status).toBe(403);
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  const body = await response.json();
  expect(body.errors[0].message).toMatch(/CORS_ORIGINS/);
  // Its plain requests get no CORS header either, so a browser will not hand it the answer.
  const post = await fetch(server.url, {
    method: 'POST',
    headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(post.headers.get('access-control-allow-origin')).toBeNull();
});

it('sends no cross-origin header when CORS_ORIGINS is not set', async () => {
  const plain = await TestServer.start({ seed: false });
  try {
    const response = await fetch(plain.url, {
      method: 'OPTIONS',
      headers: { origin: DASHBOARD, 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  } finally {
    await plain.close();
  }
});
