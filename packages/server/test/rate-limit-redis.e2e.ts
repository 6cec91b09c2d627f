import { randomBytes } from 'node:crypto';
import { TestServer } from './support/harness';
import { freePort } from './support/ports';

/** Redis the test suite uses (scripts/test.mjs leaves this file out when none answers). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const COST_41 = '{ accounts(first: 20) { edges { node { name owner { name } } } } }';

describe('rate limit shared through Redis', () => {
  const env = {
    RATE_LIMIT_POINTS_PER_MINUTE: '100',
    REDIS_URL,
    REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}`,
  };
  let one: TestServer;
  let two: TestServer;

  beforeAll(async () => {
    [one, two] = await Promise.all([TestServer.start({ env }), TestServer.start({ env })]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
  });

  it('counts a caller once across every server process', async () => {
    expect((await one.gql('jordan', COST_41)).headers.get('ratelimit-remaining')).toBe('59');
    expect((await two.gql('jordan', COST_41)).headers.get('ratelimit-remaining')).toBe('18');
    const refused = await one.gql('jordan', COST_41);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Someone else on the same processes still has their whole minute.
    expect((await two.gql('taylor', COST_41)).headers.get('ratelimit-remaining')).toBe('59');
  });
});

describe('rate limit while Redis is unreachable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({
      env: { RATE_LIMIT_POINTS_PER_MINUTE: '100', REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
    });
  });
  afterAll(() => server.close());

  it('keeps answering, and keeps counting in memory', async () => {
    const first = await server.gql('jordan', COST_41);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    await server.gql('jordan', COST_41);
    const refused = await server.gql('jordan', COST_41);
    expect(refused.status).toBe(429);
  });
});
