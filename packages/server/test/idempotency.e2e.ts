import type { AccountGraphClient, CreateContractInput } from '@account-graph/sdk';
import { encodeGlobalId } from '../src/common/global-id';
import { MAX_KEPT_RESPONSE_BYTES } from '../src/modules/idempotency/idempotency.plugin';
import { Role } from '../src/common/roles';
import { errorCodes, TestServer } from './support/harness';
import { expectError } from './support/expect-error';
import { testDialect } from './support/test-database';

/** Idempotency-Key on mutations: retries replay, mismatches conflict, failures keep nothing, a partial success is kept whole. */
let server: TestServer;
let jordan: AccountGraphClient;
let accountId: string;

const key = (name: string) => ({ 'Idempotency-Key': `${name}-${Math.random().toString(36).slice(2)}` });

function contractInput(title: string): CreateContractInput {
  return {
    accountId,
    title,
    type: 'STATEMENT_OF_WORK',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    value: { amountCents: 1_000_000 },
  };
}

async function contractsTitled(title: string): Promise<number> {
  const [{ total }] = await server.db.dataSource.query('SELECT COUNT(*) AS total FROM contract WHERE title = ?', [
    title,
  ]);
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
  const first = await jordan.createContract({ input: contractInput('Idempotent SOW') }, { headers });
  const retry = await jordan.createContract({ input: contractInput('Idempotent SOW') }, { headers });
  expect(retry).toEqual(first);
  expect(await contractsTitled('Idempotent SOW')).toBe(1);

  const raw = await server.post(
    {
      query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }',
      variables: { input: contractInput('Raw SOW') },
    },
    { authorization: `Bearer ${await server.token('jordan')}`, ...key('raw') },
  );
  expect(raw.headers.get('idempotent-replayed')).toBeNull();
});

it('marks a replay, and refuses the same key with a different request', async () => {
  const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('mismatch') };
  const body = (title: string) => ({
    query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id title } } }',
    variables: { input: contractInput(title) },
  });
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
  await expectError(
    jordan.createContract({ input: { ...contractInput('Fixed SOW'), endDate: '2026-01-01' } }, { headers }),
    'BAD_USER_INPUT',
  );
  const fixed = await jordan.createContract({ input: contractInput('Fixed SOW') }, { headers });
  expect(fixed.createContract.contract.title).toBe('Fixed SOW');
});

it('keeps keys per user and refuses an over-long key', async () => {
  const headers = key('shared');
  await jordan.createContract({ input: contractInput('Jordan SOW') }, { headers });
  const marcus = await server.client('marcus');
  await marcus.createContract({ input: contractInput('Marcus SOW') }, { headers });
  expect(await contractsTitled('Marcus SOW')).toBe(1);
  const long = await expectError(
    jordan.createContract({ input: contractInput('Long key') }, { headers: { 'Idempotency-Key': 'k'.repeat(256) } }),
    'BAD_USER_INPUT',
  );
  expect(long.message).toMatch(/1 to 255 characters/);
});

it('approves once under 10 concurrent retries with the same key', async () => {
  const marcus = await server.client('marcus');
  const contract = (await jordan.createContract({ input: contractInput('Concurrent approval') })).createContract
    .contract;
  await jordan.submitContract({ input: { id: contract.id } });
  const headers = key('approve');
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, () => marcus.approveContract({ input: { id: contract.id } }, { headers })),
  );
  const decisions = new Set(
    results
      .filter((r) => r.status === 'fulfilled')
      .map(
        (r) =>
          (r as PromiseFulfilledResult<{ approveContract: { decision: { id: string } } }>).value.approveContract
            .decision.id,
      ),
  );
  expect(decisions.size).toBe(1);
  for (const r of results) if (r.status === 'rejected') expect(r.reason.code).toBe('CONFLICT');
  const rowId = Number(Buffer.from(contract.id, 'base64').toString().split(':')[1]);
  const [{ total }] = await server.db.dataSource.query(
    "SELECT COUNT(*) AS total FROM approval_decision WHERE subjectType = 'CONTRACT' AND subjectId = ?",
    [rowId],
  );
  expect(Number(total)).toBe(1);
});

it('forgets a key after 24 hours', async () => {
  const headers = key('expire');
  await jordan.createContract({ input: contractInput('Expiring key') }, { headers });
  await server.db.dataSource.query("UPDATE idempotency_key SET expiresAt = '2000-01-01 00:00:00.000' WHERE `key` = ?", [
    headers['Idempotency-Key'],
  ]);
  await jordan.createContract({ input: contractInput('Expiring key') }, { headers });
  expect(await contractsTitled('Expiring key')).toBe(2);
});

it('ignores the header on queries', async () => {
  const vp = await server.client(Role.EXECUTIVE);
  const headers = key('query');
  await expect(vp.viewer({}, { headers })).resolves.toBeDefined();
  await expect(vp.accounts({ first: 1 }, { headers })).resolves.toBeDefined();
});

describe('one transaction for the whole keyed request', () => {
  const pair = `mutation Pair($a: CreateContractInput!, $b: CreateContractInput!) {
    first: createContract(input: $a) { contract { id number title } }
    second: createContract(input: $b) { contract { id number title } }
  }`;

  async function auditEventsFor(action: string, entityId: string): Promise<number> {
    const [{ total }] = await server.db.dataSource.query(
      'SELECT COUNT(*) AS total FROM audit_event WHERE action = ? AND entityId = ?',
      [action, entityId],
    );
    return Number(total);
  }

  it('keeps the part that succeeded with the response, so a retry replays it and runs nothing again', async () => {
    const staff = await server.staffIds();
    const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('partial') };
    // The second field draws its contract number, then fails on an owner who may not own contracts.
    const variables = {
      a: contractInput('Partial first'),
      b: { ...contractInput('Partial second'), ownerId: staff.robin },
    };
    const first = await server.post({ query: pair, variables }, headers);
    expect(first.body.errors).toHaveLength(1);
    expect(first.body.errors?.[0].path).toEqual(['second']);
    expect(await contractsTitled('Partial first')).toBe(1);
    expect(await contractsTitled('Partial second')).toBe(0);

    const retry = await server.post({ query: pair, variables }, headers);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await contractsTitled('Partial first')).toBe(1);
    const [{ id }] = await server.db.dataSource.query("SELECT id FROM contract WHERE title = 'Partial first'");
    expect(await auditEventsFor('createContract', encodeGlobalId('Contract', Number(id)))).toBe(1);

    // The failed field's own writes were undone alone: its contract number went back, so the next
    // contract of that year takes the number right after the kept one.
    const [kept] = await server.db.dataSource.query("SELECT number FROM contract WHERE title = 'Partial first'");
    const next = await jordan.createContract({ input: contractInput('After partial') });
    const sequence = (number: string) => Number(number.split('-')[2]);
    expect(sequence(next.createContract.contract.number)).toBe(sequence(kept.number) + 1);
  });

  it('keeps nothing when every field failed, so the key is free for a corrected retry', async () => {
    const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('all-failed') };
    const bad = { ...contractInput('Never kept'), endDate: '2026-01-01' };
    const failed = await server.post({ query: pair, variables: { a: bad, b: bad } }, headers);
    expect(errorCodes(failed)).toEqual(['BAD_USER_INPUT']);
    const fixed = await server.post(
      { query: pair, variables: { a: contractInput('Kept first'), b: contractInput('Kept second') } },
      headers,
    );
    expect(fixed.body.errors).toBeUndefined();
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await contractsTitled('Kept first')).toBe(1);
    expect(await contractsTitled('Kept second')).toBe(1);
  });

  it('does the work once under 5 concurrent requests with the same key; the others replay it or get CONFLICT', async () => {
    const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('concurrent') };
    const body = {
      query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id title } } }',
      variables: { input: contractInput('Concurrent create') },
    };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => server.post<{ createContract: { contract: { id: string } } }>(body, headers)),
    );
    const succeeded = responses.filter((r) => r.status === 200 && !r.body.errors);
    for (const r of responses.filter((r) => !succeeded.includes(r))) expect(errorCodes(r)).toEqual(['CONFLICT']);
    expect(succeeded.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(new Set(succeeded.map((r) => r.body.data?.createContract.contract.id)).size).toBe(1);
    expect(await contractsTitled('Concurrent create')).toBe(1);
  });

  it('refuses to keep a response over 64 KB and keeps nothing of its request', async () => {
    // Nine aliases of the account's contracts with their invoices: large, and within the query cost budget.
    const contracts = Array.from(
      { length: 9 },
      (_, i) =>
        `c${i}: contracts(first: 10) { edges { node { id number title status startDate endDate value { ` +
        `amountCents currency } invoices(first: 100) { edges { cursor node { id number status issueDate ` +
        `dueDate createdAt updatedAt approvedAt sentAt isOverdue version voidReason voidedAt } } } } } }`,
    );
    const selection = `account { ${contracts.join(' ')} }`;
    const read = await server.gql('jordan', `query ($id: ID!) { account(id: $id) { ${contracts.join(' ')} } }`, {
      id: accountId,
    });
    expect(JSON.stringify(read.body).length).toBeGreaterThan(MAX_KEPT_RESPONSE_BYTES);

    const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('large') };
    const large = await server.post(
      {
        query: `mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id ${selection} } } }`,
        variables: { input: contractInput('Large response') },
      },
      headers,
    );
    expect(large.status).toBe(400);
    expect(errorCodes(large)).toEqual(['BAD_USER_INPUT']);
    expect(large.body.errors?.[0].message).toMatch(/too large to keep/);
    expect(await contractsTitled('Large response')).toBe(0);
    const small = await server.post(
      {
        query: 'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }',
        variables: { input: contractInput('Large response') },
      },
      headers,
    );
    expect(small.body.errors).toBeUndefined();
    expect(await contractsTitled('Large response')).toBe(1);
  });

  if (testDialect === 'mysql') {
    it('undoes the whole request when the database picks it as a deadlock victim, and the retry runs it once', async () => {
      const { accounts } = await jordan.accounts({ first: 2 });
      const [a, b] = accounts.edges.map((edge) => edge.node);
      const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
      const versions = await server.db.dataSource.query('SELECT id, version FROM account WHERE id IN (?, ?)', [
        rowId(a.id),
        rowId(b.id),
      ]);
      const versionOf = (globalId: string) =>
        Number(versions.find((row: { id: number }) => Number(row.id) === rowId(globalId)).version);
      const rename = `mutation Rename($a: UpdateAccountInput!, $b: UpdateAccountInput!) {
        a: updateAccount(input: $a) { account { id name } }
        b: updateAccount(input: $b) { account { id name } }
      }`;
      const variables = {
        a: { id: a.id, expectedVersion: versionOf(a.id), name: `${a.name} (deadlock a)` },
        b: { id: b.id, expectedVersion: versionOf(b.id), name: `${b.name} (deadlock b)` },
      };
      const headers = { authorization: `Bearer ${await server.token('jordan')}`, ...key('deadlock') };

      const mysql = await import('mysql2/promise');
      const other = await mysql.createConnection((server.config.database as { url: string }).url);
      try {
        // A heavier transaction than the request's (InnoDB undoes the lighter one) holds account b.
        await other.query('CREATE TABLE scratch (id INT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB');
        await other.query('START TRANSACTION');
        await other.query(
          `INSERT INTO scratch (v) VALUES ${Array.from({ length: 200 }, (_, i) => `(${i})`).join(', ')}`,
        );
        await other.query('SELECT id FROM account WHERE id = ? FOR UPDATE', [rowId(b.id)]);
        const pending = server.post({ query: rename, variables }, headers);
        // The request has renamed a and waits for b; asking for a closes the cycle.
        await waitForLockWait(other, pending);
        await other.query('SELECT id FROM account WHERE id = ? FOR UPDATE', [rowId(a.id)]);
        const victim = await pending;
        expect(victim.status).toBe(409);
        expect(errorCodes(victim)).toEqual(['CONFLICT']);
        expect(victim.body.errors?.[0].message).toMatch(/undone entirely/);
        await other.query('ROLLBACK');
      } finally {
        await other.end();
      }
      // Nothing of it was kept, not even the rename of a that had succeeded before the deadlock.
      expect(await auditEventsFor('updateAccount', a.id)).toBe(0);

      const retry = await server.post({ query: rename, variables }, headers);
      expect(retry.body.errors).toBeUndefined();
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(await auditEventsFor('updateAccount', a.id)).toBe(1);
      expect(await auditEventsFor('updateAccount', b.id)).toBe(1);
    });
  }
});

/** Waits until a transaction of this test's database, other than `own`, waits for a row lock; fails if `request` ends first. */
async function waitForLockWait(own: import('mysql2/promise').Connection, request: Promise<unknown>): Promise<void> {
  const database = (server.config.database as { database: string }).database;
  let ended: unknown;
  void request.then(
    (response) => (ended = response),
    (error) => (ended = error),
  );
  for (;;) {
    if (ended !== undefined)
      throw new Error(`the request ended without waiting for the lock: ${JSON.stringify(ended)}`);
    const [rows] = await own.query(
      `SELECT COUNT(*) AS waiting FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
       WHERE t.trx_state = 'LOCK WAIT' AND p.DB = ? AND p.ID <> CONNECTION_ID()`,
      [database],
    );
    if (Number((rows as { waiting: number }[])[0].waiting) > 0) return;
    // InnoDB refreshes what INNODB_TRX shows only after 0.1 s without a reader.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
