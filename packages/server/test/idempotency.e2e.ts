import type { AccountGraphClient, CreateContractInput } from '@account-graph/sdk';
import { Role } from '../src/modules/user/user.entity';
import { errorCodes, TestServer } from './support/harness';
import { expectError } from './support/expect-error';

/** Idempotency-Key on mutations: retries replay, mismatches conflict, failures keep nothing. */
let server: TestServer;
let jordan: AccountGraphClient;
let accountId: string;

const key = (name: string) => ({ 'Idempotency-Key': `${name}-${Math.random().toString(36).slice(2)}` });

function contractInput(title: string): CreateContractInput {
  return { accountId, title, type: 'STATEMENT_OF_WORK', startDate: '2027-01-01', endDate: '2027-12-31', value: { amountCents: 1_000_000 } };
}

async function contractsTitled(title: string): Promise<number> {
  const [{ total }] = await server.db.dataSource.query('SELECT COUNT(*) AS total FROM contract WHERE title = ?', [title]);
  return Number(total);
}

beforeAll(async () => {
  server = await TestServer.start();
  jordan = await server.client('jordan');
  const { accounts } = await jordan.accounts({ first: 1 });
  accountId = accounts.edges[0].node.id;
});

afterAll(async () => {
  await server.close();
});

it('replays the first response to a retry with the same key, doing the work once', async () => {
  const headers = key('create');
  const first = await jordan.createContract({ input: contractInput('Idempotent SOW') }, headers);
  const retry = await jordan.createContract({ input: contractInput('Idempotent SOW') }, headers);
  expect(retry).toEqual(first);
  expect(await contractsTitled('Idempotent SOW')).toBe(1);

  const raw = await server.post(
    { query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }', variables: { input: contractInput('Raw SOW') } },
    { authorization: `Bearer ${await server.token('jordan')}`, ...key('raw') },
  );
  expect(raw.headers.get('idempotent-replayed')).toBeNull();
});

it('marks a replay, and refuses the same key with a different request', async () => {
  const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('mismatch') };
  const body = (title: string) => ({ query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id title } } }', variables: { input: contractInput(title) } });
  const first = await server.post(body('Keyed SOW'), headers);
  const replay = await server.post(body('Keyed SOW'), headers);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  expect(replay.body).toEqual(first.body);
  const other = await server.post(body('Another SOW'), headers);
  expect(other.status).toBe(409);
  expect(errorCodes(other)).toEqual(['CONFLICT']);
  expect(other.body.errors?.[0].message).toMatch(/already used for a different request/);
  expect(await contractsTitled('Another SOW')).toBe(0);
});

it('keeps nothing for a failed request, so a corrected retry with the same key runs', async () => {
  const headers = key('fix');
  await expectError(jordan.createContract({ input: { ...contractInput('Fixed SOW'), endDate: '2026-01-01' } }, headers), 'BAD_USER_INPUT');
  const fixed = await jordan.createContract({ input: contractInput('Fixed SOW') }, headers);
  expect(fixed.createContract.contract.title).toBe('Fixed SOW');
});

it('keeps keys per user and refuses an over-long key', async () => {
  const headers = key('shared');
  await jordan.createContract({ input: contractInput('Jordan SOW') }, headers);
  const marcus = await server.client('marcus');
  await marcus.createContract({ input: contractInput('Marcus SOW') }, headers);
  expect(await contractsTitled('Marcus SOW')).toBe(1);
  const long = await expectError(jordan.createContract({ input: contractInput('Long key') }, { 'Idempotency-Key': 'k'.repeat(256) }), 'BAD_USER_INPUT');
  expect(long.message).toMatch(/1 to 255 characters/);
});

it('approves once under 10 concurrent retries with the same key', async () => {
  const marcus = await server.client('marcus');
  const contract = (await jordan.createContract({ input: contractInput('Concurrent approval') })).createContract.contract;
  await jordan.submitContract({ input: { id: contract.id } });
  const headers = key('approve');
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => marcus.approveContract({ input: { id: contract.id } }, headers)));
  const decisions = new Set(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ approveContract: { decision: { id: string } } }>).value.approveContract.decision.id));
  expect(decisions.size).toBe(1);
  for (const r of results) if (r.status === 'rejected') expect(r.reason.code).toBe('CONFLICT');
  const rowId = Number(Buffer.from(contract.id, 'base64').toString().split(':')[1]);
  const [{ total }] = await server.db.dataSource.query("SELECT COUNT(*) AS total FROM approval_decision WHERE subjectType = 'CONTRACT' AND subjectId = ?", [rowId]);
  expect(Number(total)).toBe(1);
});

it('forgets a key after 24 hours', async () => {
  const headers = key('expire');
  await jordan.createContract({ input: contractInput('Expiring key') }, headers);
  await server.db.dataSource.query("UPDATE idempotency_key SET expiresAt = '2000-01-01 00:00:00.000' WHERE `key` = ?", [headers['Idempotency-Key']]);
  await jordan.createContract({ input: contractInput('Expiring key') }, headers);
  expect(await contractsTitled('Expiring key')).toBe(2);
});

it('ignores the header on queries', async () => {
  const vp = await server.client(Role.EXECUTIVE);
  const headers = key('query');
  await expect(vp.viewer({}, headers)).resolves.toBeDefined();
  await expect(vp.accounts({ first: 1 }, headers)).resolves.toBeDefined();
});
