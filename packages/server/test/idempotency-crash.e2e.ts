import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { signDevToken } from '../src/common/auth';
import { encodeGlobalId } from '../src/common/global-id';
import type { Database } from '../src/db/database';
import { openDatabase } from '../src/db/open';
import { DEMO_STAFF, seedDemo } from '../src/db/seed/demo-seed';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { dataModel } from '../src/app/modules';

/**
 * Idempotency-Key across a server that dies: the real server runs as a child process and is
 * killed with SIGKILL in the middle of a keyed mutation or right after its commit, then a new
 * server on the same database answers the retry. The key, the work and the response commit
 * together, so no crash leaves a key without its outcome or an outcome without its key.
 */
/** The few calls of better-sqlite3 (which ships no types) used here. */
interface SqliteConnection {
  pragma(sql: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- better-sqlite3 ships no types, so no typed import exists
const BetterSqlite3 = require('better-sqlite3') as new (path: string) => SqliteConnection;

const serverDir = join(__dirname, '..');
const SECRET = 'idempotency-crash-test-secret-0123456789';
let database: TestDatabase;
let db: Database;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = createTestDatabase();
  db = await openDatabase(database.config, dataModel);
  await db.transaction((em) => seedDemo(em));
});

afterEach(async () => {
  for (const child of children.splice(0)) await stopChild(child, 'SIGKILL');
});

afterAll(async () => {
  await db?.dataSource.destroy();
  await database?.drop();
});

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

interface Answer {
  status: number;
  replayed: string | null;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** `pnpm start` on the test database, as its own process. */
class ChildServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<ChildServer> {
    const config = database.config;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SEED_DEMO: 'false',
        AUTH_JWT_SECRET: SECRET,
        DATABASE_URL: config.dialect === 'sqlite' ? `sqlite:${config.path}` : config.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const listening = /"url":"([^"]+)"[^\n]*"msg":"Account Graph is listening"/.exec(output);
        if (listening) resolve(listening[1]);
      });
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
    });
    return new ChildServer(child, url);
  }

  get origin(): string {
    return this.url.replace(/\/graphql$/, '');
  }

  async post(body: unknown, key: string): Promise<Answer> {
    const jordan = DEMO_STAFF.find((staff) => staff.key === 'jordan')!;
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await signDevToken(SECRET, jordan)}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: await response.json(),
    };
  }

  kill(): Promise<void> {
    return stopChild(this.child, 'SIGKILL');
  }

  stop(): Promise<void> {
    return stopChild(this.child, 'SIGTERM');
  }
}

/** Another connection to the same database, as a second client of it would have. */
interface SideConnection {
  /** Blocks the writes the mutation needs: a row lock on the account (MariaDB), the write lock (SQLite). */
  block(accountId: number): Promise<void>;
  unblock(): Promise<void>;
  /** Waits until `server` is stuck in the write `block` holds up; fails if `request` ends first. */
  waitUntilStuck(server: ChildServer, request: Promise<unknown>): Promise<void>;
  /** Contracts with `title` and the key's row, read in one snapshot. */
  snapshot(
    title: string,
    key: string,
  ): Promise<{ contractIds: number[]; keyRow: { state: string; response: string | null } | null }>;
  close(): Promise<void>;
}

function settled(request: Promise<unknown>): () => boolean {
  let done = false;
  void request.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

async function openSide(): Promise<SideConnection> {
  const config = database.config;
  const contractsSql = 'SELECT id FROM contract WHERE title = ? ORDER BY id';
  const keySql = 'SELECT state, response FROM idempotency_key WHERE `key` = ?';
  if (config.dialect === 'sqlite') {
    const sqlite = new BetterSqlite3(config.path);
    sqlite.pragma('busy_timeout = 5000');
    const read = sqlite.transaction((title: string, key: string) => ({
      contractIds: (sqlite.prepare(contractsSql).all(title) as { id: number }[]).map((row) => row.id),
      keyRow: (sqlite.prepare(keySql).get(key) as { state: string; response: string | null } | undefined) ?? null,
    }));
    return {
      block: async () => void sqlite.exec('BEGIN IMMEDIATE'),
      unblock: async () => void sqlite.exec('ROLLBACK'),
      // SQLite makes a writer wait for the lock synchronously (busy_timeout), so the stuck server
      // stops answering anything at all, its health check included.
      waitUntilStuck: async (server, request) => {
        const ended = settled(request);
        for (;;) {
          if (ended()) throw new Error('the request ended without waiting for the write lock');
          const answered = await fetch(`${server.origin}/health`, { signal: AbortSignal.timeout(1000) }).then(
            () => true,
            () => false,
          );
          if (!answered) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      snapshot: async (title, key) => read(title, key),
      close: async () => void sqlite.close(),
    };
  }
  const mysql = await import('mysql2/promise');
  const connection: Connection = await mysql.createConnection(config.url);
  return {
    block: async (accountId) => {
      await connection.query('START TRANSACTION');
      await connection.query('SELECT id FROM account WHERE id = ? FOR UPDATE', [accountId]);
    },
    unblock: async () => void (await connection.query('ROLLBACK')),
    waitUntilStuck: async (_server, request) => {
      const ended = settled(request);
      for (;;) {
        if (ended()) throw new Error('the request ended without waiting for the row lock');
        const [rows] = await connection.query(
          `SELECT COUNT(*) AS waiting FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
           WHERE t.trx_state = 'LOCK WAIT' AND p.DB = ? AND p.ID <> CONNECTION_ID()`,
          [config.database],
        );
        if (Number((rows as { waiting: number }[])[0].waiting) > 0) return;
        // InnoDB refreshes what INNODB_TRX shows only after 0.1 s without a reader.
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    snapshot: async (title, key) => {
      await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
      try {
        const [contracts] = await connection.query(contractsSql, [title]);
        const [keys] = await connection.query(keySql, [key]);
        const [keyRow] = keys as { state: string; response: string | null }[];
        return { contractIds: (contracts as { id: number }[]).map((row) => Number(row.id)), keyRow: keyRow ?? null };
      } finally {
        await connection.query('COMMIT');
      }
    },
    close: () => connection.end(),
  };
}

async function jordansAccount(): Promise<{ id: number; version: number; name: string }> {
  const [row] = await db.dataSource.query(
    'SELECT a.id, a.version, a.name FROM account a JOIN `user` u ON u.id = a.ownerId WHERE u.email = ? ORDER BY a.id LIMIT 1',
    ['jordan.kim@accountgraph.example'],
  );
  return { id: Number(row.id), version: Number(row.version), name: row.name };
}

async function auditEvents(action: string, entityId: string): Promise<number> {
  const [{ total }] = await db.dataSource.query(
    'SELECT COUNT(*) AS total FROM audit_event WHERE action = ? AND entityId = ?',
    [action, entityId],
  );
  return Number(total);
}

async function keyRows(key: string): Promise<number> {
  const [{ total }] = await db.dataSource.query('SELECT COUNT(*) AS total FROM idempotency_key WHERE `key` = ?', [key]);
  return Number(total);
}

const uniqueKey = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
/** Each test starts the server twice (ts-node compiles it each time). */
const TWO_STARTS = 120_000;

it(
  'a server killed in the middle of a keyed mutation kept nothing: the retry on a new server runs it once',
  async () => {
    const account = await jordansAccount();
    const accountId = encodeGlobalId('Account', account.id);
    const key = uniqueKey('crash-mid');
    const request = {
      query: 'mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { account { id name version } } }',
      variables: { input: { id: accountId, expectedVersion: account.version, name: `${account.name} (renamed once)` } },
    };
    const side = await openSide();
    try {
      const first = await ChildServer.start();
      await side.block(account.id);
      const pending = first.post(request, key);
      await side.waitUntilStuck(first, pending);
      // Stuck inside its transaction: its claim of the key is not visible to anyone.
      expect(await keyRows(key)).toBe(0);
      await first.kill();
      await expect(pending).rejects.toThrow();
      await side.unblock();

      const second = await ChildServer.start();
      const retry = await second.post(request, key);
      expect(retry.status).toBe(200);
      expect(retry.body.errors).toBeUndefined();
      expect(retry.replayed).toBeNull();
      expect(retry.body.data?.updateAccount.account).toEqual({
        id: accountId,
        name: `${account.name} (renamed once)`,
        version: account.version + 1,
      });
      expect(await auditEvents('updateAccount', accountId)).toBe(1);

      const again = await second.post(request, key);
      expect(again.replayed).toBe('true');
      expect(again.body).toEqual(retry.body);
      expect(await auditEvents('updateAccount', accountId)).toBe(1);
      await second.stop();
    } finally {
      await side.close();
    }
  },
  TWO_STARTS,
);

it(
  'a server killed right after a keyed mutation committed kept its response: the retry on a new server replays it',
  async () => {
    const title = 'Kept across a crash';
    const key = uniqueKey('crash-after');
    const account = await jordansAccount();
    const request = {
      query:
        'mutation ($input: CreateContractInput!) { createContract(input: $input) { contract { id number title } } }',
      variables: {
        input: {
          accountId: encodeGlobalId('Account', account.id),
          title,
          type: 'STATEMENT_OF_WORK',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          value: { amountCents: 500_000 },
        },
      },
    };
    const side = await openSide();
    try {
      const first = await ChildServer.start();
      // The client may or may not hear back before the server dies: either way it retries.
      const pending = first.post(request, key).catch(() => null);
      let seen = await side.snapshot(title, key);
      while (seen.contractIds.length === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        seen = await side.snapshot(title, key);
      }
      await first.kill();
      await pending;
      // The first moment the contract is visible, its response is stored beside it.
      expect(seen.contractIds).toHaveLength(1);
      expect(seen.keyRow?.state).toBe('COMPLETED');
      const stored = JSON.parse(seen.keyRow!.response!);
      expect(stored.data.createContract.contract.id).toBe(encodeGlobalId('Contract', seen.contractIds[0]));

      const second = await ChildServer.start();
      const retry = await second.post(request, key);
      expect(retry.replayed).toBe('true');
      expect(retry.body).toEqual(stored);
      expect((await side.snapshot(title, key)).contractIds).toEqual(seen.contractIds);
      await second.stop();
    } finally {
      await side.close();
    }
  },
  TWO_STARTS,
);
