import { AccountGraphError } from '@account-graph/sdk';
import { QUERY_COST_BUDGET } from '../src/common/query-cost';
import { runInRequestScope } from '../src/common/request-scope';
import { errorCodes, TestServer } from './support/harness';
import { MARIADB_URL, testDialect } from './support/test-database';

const THREE_LEVELS =
  '{ projects(first: 100) { edges { node { statusUpdates(first: 100) { edges { node { project { ' +
  'statusUpdates(first: 100) { edges { node { summary } } } } } } } } } } }';
const TWO_LEVELS =
  'projects(first: 100) { edges { node { statusUpdates(first: 100) { edges { node { summary } } } } } }';
const FIFTEEN_ALIASES = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${TWO_LEVELS}`).join(' ')} }`;
// 1 for the page, then 20 accounts with an owner each: 20 x (1 + 1).
const COST_41 = '{ accounts(first: 20) { edges { node { name owner { name } } } } }';

describe('query cost budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  it.each([
    ['three nested pages of 100', THREE_LEVELS],
    ['fifteen aliased pages of 100 x 100', FIFTEEN_ALIASES],
  ])('refuses %s before running anything, naming its cost and the budget', async (_name, query) => {
    server.resetQueries();
    const response = await server.gql('admin', query);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    const error = response.body.errors![0];
    expect(error.extensions?.budget).toBe(QUERY_COST_BUDGET);
    expect(error.extensions?.cost).toBeGreaterThan(QUERY_COST_BUDGET);
    expect(error.message).toContain(String(error.extensions?.cost));
    expect(error.message).toContain(String(QUERY_COST_BUDGET));
    expect(response.body.data).toBeUndefined();
    // Signing in reads the user; nothing reads a project.
    expect(server.queries.filter((sql) => /project|status_update/i.test(sql))).toEqual([]);
  });

  it('runs a query just inside the budget', async () => {
    const response = await server.gql(
      'admin',
      '{ projects(first: 100) { edges { node { name statusUpdates(first: 97) { edges { node { summary } } } } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.projects.edges.length).toBe(100);
  });

  it('gives every expensive query its turn, even after refused ones', async () => {
    const expensive =
      '{ projects(first: 100) { edges { node { name statusUpdates(first: 30) { edges { node { summary } } } } } } }';
    // Refused before execution: no token. None of them may keep a turn.
    const refused = await Promise.all(Array.from({ length: 3 }, () => server.gql(null, expensive)));
    expect(refused.map(errorCodes)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['UNAUTHENTICATED']]);
    const answered = await Promise.all(Array.from({ length: 3 }, () => server.gql('admin', expensive)));
    for (const response of answered) expect(response.body.data?.projects.edges).toHaveLength(100);
  });

  it('tells every caller what is left of their minute in RateLimit headers', async () => {
    const first = await server.gql('jordan', COST_41);
    const second = await server.gql('jordan', COST_41);
    expect(first.headers.get('ratelimit-limit')).toBe(String(server.config.rateLimitPointsPerMinute));
    expect(first.headers.get('ratelimit-policy')).toBe(`${server.config.rateLimitPointsPerMinute};w=60`);
    expect(Number(first.headers.get('ratelimit-remaining')) - Number(second.headers.get('ratelimit-remaining'))).toBe(
      41,
    );
    expect(Number(second.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(Number(second.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
  });
});

describe('rate limit in cost points per minute', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ env: { RATE_LIMIT_POINTS_PER_MINUTE: '100' } });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After once a caller has spent their minute, and runs nothing', async () => {
    expect((await server.gql('jordan', COST_41)).headers.get('ratelimit-remaining')).toBe('59');
    expect((await server.gql('jordan', COST_41)).headers.get('ratelimit-remaining')).toBe('18');
    server.resetQueries();
    const refused = await server.gql('jordan', COST_41);
    expect(refused.status).toBe(429);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors![0].extensions?.retryAfterSeconds).toBe(retryAfter);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.body.data).toBeUndefined();
    expect(server.queries.filter((sql) => /FROM [`"]?account[`"]?/i.test(sql))).toEqual([]);
  });

  it('keeps each caller to their own budget', async () => {
    const other = await server.gql('taylor', COST_41);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(other.headers.get('ratelimit-remaining')).toBe('59');
  });

  it('reaches SDK users as an AccountGraphError they can wait out', async () => {
    const client = await server.client('casey');
    // A page of 100 accounts with their owners and parents costs far more than this server's 100 points a minute.
    const error = await client.accounts({ first: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccountGraphError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((error as AccountGraphError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('charges nothing for a query refused as too costly', async () => {
    const tooCostly = await server.gql('riley', THREE_LEVELS);
    expect(errorCodes(tooCostly)).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await server.gql('riley', COST_41)).headers.get('ratelimit-remaining')).toBe('59');
  });
});

describe('failures outside a resolver', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  it('masks an unexpected failure while signing in as INTERNAL_SERVER_ERROR with the request id', async () => {
    const rename = (from: string, to: string) => server.db.dataSource.query(`ALTER TABLE ${from} RENAME TO ${to}`);
    await rename('user', 'user_gone');
    try {
      const response = await server.post(
        { query: '{ viewer { name } }' },
        { authorization: `Bearer ${await server.token('jordan')}`, 'x-request-id': 'req-sign-in-broken' },
      );
      expect(response.status).toBe(500);
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(response.body.errors![0].extensions?.requestId).toBe('req-sign-in-broken');
      expect(response.headers.get('x-request-id')).toBe('req-sign-in-broken');
      expect(response.body.errors![0].extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL_ERROR',
        requestId: 'req-sign-in-broken',
      });
      expect(response.body.errors![0].message).not.toMatch(
        /user_gone|no such table|doesn't exist|SELECT|Context creation|SQLITE|ER_/i,
      );
    } finally {
      await rename('user_gone', 'user');
    }
    expect((await server.gql('jordan', '{ viewer { name } }')).body.data).toEqual({ viewer: { name: 'Jordan Kim' } });
  });
});

describe('request time limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ env: { REQUEST_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => server.close());

  it('starts no statement once the request is past its deadline', async () => {
    // A request whose deadline has passed by the time it reaches the database.
    const expired = { requestId: 'late', remoteAddress: '127.0.0.1', deadline: Date.now() - 1, timeLimitMs: 1000 };
    server.resetQueries();
    await expect(runInRequestScope(expired, () => server.db.dataSource.query('SELECT 1'))).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
    });
    expect(server.queries).toEqual([]);
  });

  it('still rolls back a transaction that runs past the deadline, and keeps nothing of it', async () => {
    const soon = { requestId: 'slow-write', remoteAddress: '127.0.0.1', deadline: Date.now() + 200, timeLimitMs: 200 };
    const write = runInRequestScope(soon, () =>
      server.db.transaction(async (em) => {
        await em.query("UPDATE account SET region = 'Past the deadline' WHERE id = 1");
        await new Promise((resolve) => setTimeout(resolve, 300));
        await em.query('SELECT 1'); // refused: the request is out of time
      }),
    );
    await expect(write).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(await server.count("SELECT COUNT(*) AS n FROM account WHERE region = 'Past the deadline'")).toBe(0);
    // The connection is not left inside the refused transaction: the next one commits.
    await server.db.transaction((em) => em.query('UPDATE account SET region = region WHERE id = 1'));
  });

  if (testDialect === 'mysql') {
    it('stops a read that outlives the request in the database itself, and answers TIMEOUT', async () => {
      const mysql = await import('mysql2/promise');
      const database = server.config.database.dialect === 'mysql' ? server.config.database.database : '';
      const blocker = await mysql.createConnection(`${MARIADB_URL.replace(/\/$/, '')}/${database}`);
      try {
        // Holds the account table so that the server's read waits on it.
        await blocker.query('LOCK TABLES account WRITE');
        const started = Date.now();
        const response = await server.gql('admin', '{ accounts(first: 5) { edges { node { name } } } }');
        expect(errorCodes(response)).toContain('TIMEOUT');
        expect(response.body.errors![0].message).toMatch(/1 s/);
        expect(Date.now() - started).toBeLessThan(5000);
        // The server's statement is no longer waiting in MariaDB.
        const [running] = await blocker.query(
          "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE '%FROM `account`%' AND ID <> CONNECTION_ID()",
        );
        expect(Number((running as { n: number }[])[0].n)).toBe(0);
      } finally {
        await blocker.query('UNLOCK TABLES');
        await blocker.end();
      }
      expect((await server.gql('admin', '{ accounts(first: 1) { totalCount } }')).body.errors).toBeUndefined();
    });
  }
});
