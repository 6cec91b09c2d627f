import { errorCodes, TestServer } from './support/harness';

/** What a client sees, and what operators see, when the database misbehaves. */
describe('unexpected failures', () => {
  const logLines: string[] = [];
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ logLines });
  });

  afterAll(async () => {
    await server.close();
  });

  it('masks a database error as INTERNAL_SERVER_ERROR and logs it with the request id', async () => {
    // A table no other table references, read on a nested path.
    await server.db.dataSource.query('DROP TABLE account_team_member');
    const response = await server.post(
      { query: '{ accounts(first: 2) { edges { node { name team { totalCount } } } } }' },
      { authorization: `Bearer ${await server.token('admin')}`, 'x-request-id': 'req-broken-team' },
    );
    expect(errorCodes(response)).toContain('INTERNAL_SERVER_ERROR');
    // The GraphQL path names the field; the message and extensions must name nothing of the database.
    const text = JSON.stringify(response.body.errors?.map(({ message, extensions }) => ({ message, extensions })));
    expect(text).not.toMatch(/team_member|SELECT|SQL|sqlite|\bER_|no such table|doesn't exist|stack|\.ts:/i);
    expect(response.body.errors?.[0].message).toMatch(/Internal server error/);
    expect(response.body.errors?.[0].extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'INTERNAL_ERROR',
      requestId: 'req-broken-team',
    });
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected error');
    expect(logged).toBeDefined();
    expect(logged.req?.id ?? logged.reqId).toBe('req-broken-team');
    expect(JSON.stringify(logged.err)).toMatch(/account_team_member/);
  });

  it('leaves nothing half-written when a write fails mid-transaction', async () => {
    // The account insert succeeds, then the audit write fails: the whole mutation must roll back.
    await server.db.dataSource.query('DROP TABLE audit_event');
    const response = await server.gql(
      'admin',
      'mutation { createAccount(input: { name: "Half Written Health", kind: HEALTH_PLAN, tier: GROWTH }) { account { id } } }',
    );
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    const rows = await server.db.dataSource.query("SELECT id FROM account WHERE name = 'Half Written Health'");
    expect(rows).toHaveLength(0);
  });

  it('never logs the bearer token', () => {
    expect(logLines.join('\n')).not.toMatch(/Bearer|eyJhbGci/);
  });

  it('reports not ready (503) when the database is gone, while staying alive', async () => {
    await server.db.dataSource.destroy();
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(503);
    const health = await fetch(`${server.origin}/health`);
    expect(health.status).toBe(200);
    await server.db.dataSource.initialize();
  });
});
