import { createHash } from 'node:crypto';
import { TestServer } from './support/harness';

/**
 * API keys: a BI tool's own credential. An admin issues one (the token is shown once, only its hash
 * is kept), the tool reads everything as a read-only service account and can change nothing, use is
 * recorded, and a revoked or expired key stops working at once. Each step is audited.
 */
let server: TestServer;

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  token apiKey { id name prefix version lastUsedAt revokedAt serviceAccount { role active } } } }`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`;

/** A DATETIME as both databases accept it in raw SQL (UTC, as the server writes it). */
const sqlDateTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

async function asKey(token: string, query: string, variables?: Record<string, unknown>) {
  return server.post<any>({ query, variables }, { authorization: `Bearer ${token}` });
}

async function issue(name: string): Promise<{ token: string; id: string; prefix: string }> {
  const response = await server.gql('admin', CREATE, { input: { name } });
  expect(response.body.errors).toBeUndefined();
  const { token, apiKey } = response.body.data!.createApiKey;
  return { token, id: apiKey.id, prefix: apiKey.prefix };
}

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(async () => {
  await server.close();
});

it('issues a key whose token is shown once and stored only as a hash, audited', async () => {
  const response = await server.gql('admin', CREATE, { input: { name: 'Finance dashboard (Metabase)' } });
  expect(response.body.errors).toBeUndefined();
  const { token, apiKey } = response.body.data!.createApiKey;
  expect(token).toMatch(new RegExp(`^agk_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
  expect(apiKey).toMatchObject({ name: 'Finance dashboard (Metabase)', lastUsedAt: null, revokedAt: null });
  expect(apiKey.serviceAccount).toEqual({ role: 'BI_READER', active: true });

  const [row] = await server.sql<{ secretHash: string }>('SELECT secretHash FROM api_key WHERE prefix = ?', [
    apiKey.prefix,
  ]);
  const secret = token.split('_').slice(2).join('_');
  expect(row.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
  expect(JSON.stringify(await server.sql('SELECT * FROM api_key'))).not.toContain(secret);

  const audit = await server.gql(
    'admin',
    '{ auditEvents(first: 1, filter: { action: "createApiKey" }) { edges { node { entityId changes } } } }',
  );
  const event = audit.body.data!.auditEvents.edges[0].node;
  expect(event.entityId).toBe(apiKey.id);
  expect(JSON.stringify(event.changes)).not.toContain(secret);
});

it('reads every account as a BI reader, records the use, and may change nothing', async () => {
  const { token, prefix } = await issue('Tableau');
  const viewer = await asKey(token, '{ viewer { role name } accounts(first: 1) { totalCount } }');
  expect(viewer.status).toBe(200);
  const admin = await server.gql('admin', '{ accounts(first: 1) { totalCount } }');
  expect(viewer.body.data).toEqual({
    viewer: { role: 'BI_READER', name: 'Tableau' },
    accounts: { totalCount: admin.body.data!.accounts.totalCount },
  });
  const [used] = await server.sql<{ lastUsedAt: unknown }>('SELECT lastUsedAt FROM api_key WHERE prefix = ?', [prefix]);
  expect(used.lastUsedAt).not.toBeNull();

  const account = await server.gql('admin', '{ accounts(first: 1) { edges { node { id version } } } }');
  const { id, version } = account.body.data!.accounts.edges[0].node;
  const write = await asKey(
    token,
    'mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { account { id } } }',
    { input: { id, expectedVersion: version, name: 'Renamed by a dashboard' } },
  );
  expect(write.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
});

it('stops a revoked key at once, and refuses wrong, malformed and expired ones', async () => {
  const { token, id } = await issue('Old Looker');
  expect((await asKey(token, '{ viewer { role } }')).status).toBe(200);
  const revoked = await server.gql('admin', REVOKE, { input: { id } });
  expect(revoked.body.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();

  const after = await asKey(token, '{ viewer { role } }');
  expect(after.status).toBe(401);
  expect(after.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  expect(after.body.errors![0].message).toMatch(/"Old Looker" was revoked/);
  const again = await server.gql('admin', REVOKE, { input: { id } });
  expect(again.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

  const live = await issue('Power BI');
  const wrong = `${live.token.slice(0, -4)}AAAA`;
  expect((await asKey(wrong, '{ viewer { role } }')).body.errors![0].extensions?.reason).toBe('INVALID_TOKEN');
  expect((await asKey('agk_nothex_short', '{ viewer { role } }')).status).toBe(401);

  await server.sql('UPDATE api_key SET expiresAt = ? WHERE prefix = ?', [
    sqlDateTime(new Date(Date.now() - 1000)),
    live.prefix,
  ]);
  const expired = await asKey(live.token, '{ viewer { role } }');
  expect(expired.status).toBe(401);
  expect(expired.body.errors![0].message).toMatch(/has expired/);
});

it('is issued, listed and revoked by admins only', async () => {
  const issued = await server.gql('vp', CREATE, { input: { name: 'Sneaky' } });
  expect(issued.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  const listed = await server.gql('vp', '{ apiKeys(first: 5) { totalCount } }');
  expect(listed.body.errors![0].extensions?.code).toBe('FORBIDDEN');
  const admin = await server.gql('admin', '{ apiKeys(first: 50) { totalCount edges { node { name } } } }');
  expect(admin.body.data!.apiKeys.edges.map((e: any) => e.node.name)).toEqual(
    expect.arrayContaining(['Finance dashboard (Metabase)', 'Tableau', 'Old Looker']),
  );
});

it('refuses an expiry in the past', async () => {
  const response = await server.gql('admin', CREATE, { input: { name: 'Past', expiresAt: '2020-01-01T00:00:00Z' } });
  expect(response.body.errors![0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ path: 'input.expiresAt', message: 'must be in the future' }],
  });
});
