import { TestServer, type GraphQLResponse } from './support/harness';
import { PrivateMariaDb } from './support/private-mariadb';

/**
 * The database goes away under load and comes back: clients get a coded 503 they can retry, never
 * driver text, and nothing is left half-written. Runs against a MariaDB of its own.
 */
describe('a database outage under load', () => {
  let mariadb: PrivateMariaDb;
  let server: TestServer;

  beforeAll(async () => {
    mariadb = await PrivateMariaDb.create();
    const database = {
      config: { dialect: 'mysql' as const, url: `${mariadb.url}/account_graph`, database: 'account_graph' },
      drop: async () => {},
    };
    server = await TestServer.start({ database });
  }, 120_000);

  afterAll(async () => {
    await server?.close().catch(() => undefined);
    await mariadb?.destroy();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while it is down, recovers when it returns, and keeps writes whole', async () => {
    const admin = await server.token('admin');
    const headers = { authorization: `Bearer ${admin}` };
    const outcomes: { name?: string; response: GraphQLResponse }[] = [];
    let stop = false;
    let created = 0;

    const reader = async () => {
      while (!stop)
        outcomes.push({
          response: await server.post(
            { query: '{ accounts(first: 5) { edges { node { name owner { name } } } } }' },
            headers,
          ),
        });
    };
    const writer = async () => {
      while (!stop) {
        const name = `Outage Health ${++created}`;
        const query = `mutation { createAccount(input: { name: "${name}", kind: HEALTH_PLAN, tier: GROWTH }) { account { id } } }`;
        outcomes.push({ name, response: await server.post({ query }, headers) });
      }
    };
    const auditsBefore = await server.count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'createAccount'");
    const load = [reader(), reader(), writer(), writer()];

    await new Promise((resolve) => setTimeout(resolve, 300));
    await mariadb.kill();
    const down = outcomes.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(503);
    const duringOutage = outcomes.slice(down + 8); // those in flight at the kill may fail either way
    await mariadb.start();
    const back = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - back < 30_000) {
      const probe = await server.post({ query: '{ accounts(first: 1) { totalCount } }' }, headers);
      recovered = probe.status === 200 && !probe.body.errors;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stop = true;
    await Promise.all(load);
    expect(recovered).toBe(true);

    expect(duringOutage.length).toBeGreaterThan(20);
    for (const { response } of duringOutage) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.body.errors?.[0].extensions?.requestId).toBe(response.headers.get('x-request-id'));
    }
    // Whatever happened to a request, no client ever saw driver text or a wrong code.
    for (const { response } of outcomes) {
      const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.every((code) => code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR')).toBe(true);
      expect(JSON.stringify(response.body.errors ?? [])).not.toMatch(
        /ECONN|connect |Connection lost|mysql|SQL|Context creation|\bER_[A-Z]/,
      );
    }

    // Every account the writers created is whole (its audit event beside it), and every one a
    // client was told about exists.
    const accounts = await server.count("SELECT COUNT(*) AS n FROM account WHERE name LIKE 'Outage Health %'");
    const audits =
      (await server.count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'createAccount'")) - auditsBefore;
    expect(audits).toBe(accounts);
    const confirmed = outcomes.filter((o) => o.name && o.response.status === 200 && !o.response.body.errors).length;
    expect(confirmed).toBeGreaterThan(0);
    expect(accounts).toBeGreaterThanOrEqual(confirmed);
  }, 120_000);
});
