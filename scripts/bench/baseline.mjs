// The baseline of `pnpm bench`: the benchmarked requests written by hand as a skilled engineer would
// write them for speed (node:http, the database driver's prepared statements, JSON.stringify; no ORM,
// no GraphQL, no auth, no logging): the fewest round trips, a JOIN for every to-one relation. Its
// read answers are byte-for-byte the GraphQL server's (bench.mjs checks), so both send the same bytes;
// its write writes the same rows, audit event included.
//   GET  /account/:rowId        Q1 account(id:) { name owner { name } }                 1 statement
//   GET  /accounts?first=N      Q2 the portfolio page of bench.mjs                       4 statements
//   GET  /projects?first=N      Q3 the project portfolio of bench.mjs                    3 statements
//   POST /account/:rowId        Q4 updateAccount(membersReached), expectedVersion       5 statements
//        body { expectedVersion, membersReached, previous: { membersReached } }; header x-actor-id
// Started by scripts/bench.mjs as a child with IPC; reads BENCH_DB_URL (mysql://... or sqlite:<path>).
import { createRequire } from 'node:module';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../../packages/server');
const requireServer = createRequire(join(serverDir, 'package.json'));
const CHILD_PAGE = 10;
// The statuses whose invoices count as revenue (INVOICED_STATUSES in the server's invoice module).
const INVOICED_STATUSES = ['APPROVED', 'SENT', 'PARTIALLY_PAID', 'PAID'];

const dbUrl = process.env.BENCH_DB_URL ?? '';
const db = dbUrl.startsWith('sqlite:') ? openSqlite(dbUrl.slice('sqlite:'.length)) : openMysql(dbUrl);

/** `(?, ?, ?)` for a list: neither driver expands an array bound to one placeholder in a prepared statement. */
const placeholders = (count) => `(${new Array(count).fill('?').join(', ')})`;

function openMysql(uri) {
  const mysql = requireServer('mysql2/promise');
  // The GraphQL server's pool settings (packages/server/src/db/data-source.ts).
  const pool = mysql.createPool({
    uri,
    connectionLimit: 10,
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'UTF8MB4_UNICODE_CI',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
    enableKeepAlive: true,
    trace: false,
  });
  // mysql2 prepares each distinct text once per connection and caches it (`execute`).
  const run = async (connection, sql, params) => (await connection.execute(sql, params))[0];
  return {
    dialect: 'mysql',
    all: (sql, params = []) => run(pool, sql, params),
    /** BEGIN, the statements `work` runs, COMMIT (or ROLLBACK when it throws). */
    // A transaction InnoDB picks as a deadlock victim (1213) is rolled back whole and run again, as
    // the server's are: concurrent inserts into audit_event can deadlock on its indexes.
    async transaction(work, attempt = 1) {
      const connection = await pool.getConnection();
      try {
        await connection.query('BEGIN');
        const result = await work({
          all: (sql, params = []) => run(connection, sql, params),
          changed: async (sql, params = []) => (await run(connection, sql, params)).affectedRows,
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        if (error?.errno === 1213 && attempt < 5) return this.transaction(work, attempt + 1);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

function openSqlite(path) {
  const Database = requireServer('better-sqlite3');
  const sqlite = new Database(path);
  // The GraphQL server's pragmas (packages/server/src/db/data-source.ts).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map();
  const prepared = (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
  const begin = prepared('BEGIN IMMEDIATE');
  const commit = prepared('COMMIT');
  const rollback = prepared('ROLLBACK');
  const inTx = {
    all: (sql, params = []) => prepared(sql).all(...params),
    changed: (sql, params = []) => prepared(sql).run(...params).changes,
  };
  // One connection: a transaction waits for the one before it to commit.
  let previous = Promise.resolve();
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => prepared(sql).all(...params),
    transaction(work) {
      const run = previous.then(async () => {
        begin.run();
        try {
          const result = await work(inTx);
          commit.run();
          return result;
        } catch (error) {
          rollback.run();
          throw error;
        }
      });
      previous = run.catch(() => {});
      return run;
    },
    close: async () => sqlite.close(),
  };
}

const globalId = (type, id) => Buffer.from(`${type}:${id}`).toString('base64');
const cursor = (key, value, id) => Buffer.from(JSON.stringify([key, value, Number(id)])).toString('base64url');
const money = (amountCents, currency) => ({ amountCents, currency });

/** The datetime(3) value as each dialect stores it: mysql2 converts a Date (timezone Z), SQLite keeps TypeORM's text. */
const datetime = (date) => (db.dialect === 'mysql' ? date : date.toISOString().replace('T', ' ').slice(0, 23));

function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const id = Number(row[key]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

// Q1 ---------------------------------------------------------------------------------------------

async function accountById(rowId) {
  const [account] = await db.all(
    'SELECT a.name, u.name AS ownerName, a.ownerId FROM account a LEFT JOIN `user` u ON u.id = a.ownerId WHERE a.id = ?',
    [rowId],
  );
  if (!account) return { data: { account: null } };
  return {
    data: { account: { name: account.name, owner: account.ownerId == null ? null : { name: account.ownerName } } },
  };
}

// Q2 ---------------------------------------------------------------------------------------------

/** The first CHILD_PAGE rows per account of a child table, ordered, for every account in `ids`. */
function firstPerAccount(select, from, order, ids) {
  return db.all(
    `SELECT * FROM (SELECT ${select}, ROW_NUMBER() OVER (PARTITION BY c.accountId ORDER BY ${order}) AS rowNumber ` +
      `FROM ${from} WHERE c.accountId IN ${placeholders(ids.length)}) ranked WHERE rowNumber <= ? ORDER BY accountId, rowNumber`,
    [...ids, CHILD_PAGE],
  );
}

async function portfolioPage(first) {
  const rows = await db.all(
    'SELECT a.id, a.name, a.status, a.ownerId, u.name AS ownerName FROM account a LEFT JOIN `user` u ON u.id = a.ownerId ORDER BY a.name ASC, a.id ASC LIMIT ?',
    [first + 1],
  );
  const page = rows.slice(0, first);
  const ids = page.map((row) => Number(row.id));
  const [[{ total }], team, contacts] = await Promise.all([
    db.all('SELECT COUNT(*) AS total FROM account'),
    ids.length
      ? firstPerAccount(
          'c.accountId, c.teamRole, u.name AS userName',
          'account_team_member c JOIN `user` u ON u.id = c.userId',
          'c.createdAt ASC, c.id ASC',
          ids,
        )
      : [],
    ids.length
      ? firstPerAccount('c.accountId, c.name, c.title, c.email', 'contact c', 'c.name ASC, c.id ASC', ids)
      : [],
  ]);
  const teamBy = groupBy(team, 'accountId');
  const contactsBy = groupBy(contacts, 'accountId');
  const last = page.at(-1);
  return {
    data: {
      accounts: {
        totalCount: Number(total),
        pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor('name', last.name, last.id) : null },
        edges: page.map((row) => ({
          node: {
            id: globalId('Account', row.id),
            name: row.name,
            status: row.status,
            owner: row.ownerId == null ? null : { name: row.ownerName },
            team: {
              edges: (teamBy.get(Number(row.id)) ?? []).map((m) => ({
                node: { teamRole: m.teamRole, user: { name: m.userName } },
              })),
            },
            contacts: {
              edges: (contactsBy.get(Number(row.id)) ?? []).map((c) => ({
                node: { name: c.name, title: c.title, email: c.email },
              })),
            },
          },
        })),
      },
    },
  };
}

// Q3 ---------------------------------------------------------------------------------------------

/** The server's revenue rule: invoiced × budget ÷ the budgets of the contract's projects, rounded down to a cent. */
function revenueShareCents(invoicedCents, budgetCents, budgetsCents) {
  if (budgetsCents <= 0 || invoicedCents <= 0 || budgetCents <= 0) return 0;
  return Number((BigInt(invoicedCents) * BigInt(budgetCents)) / BigInt(budgetsCents));
}

async function projectPortfolio(first) {
  // Newest first, as `projects` orders without orderBy.
  const rows = await db.all(
    'SELECT p.name, p.budgetCents, p.actualCostCents, p.currency, p.health, p.contractId, a.name AS accountName ' +
      'FROM project p JOIN account a ON a.id = p.accountId ORDER BY p.createdAt DESC, p.id DESC LIMIT ?',
    [first],
  );
  const contractIds = [...new Set(rows.filter((row) => row.contractId != null).map((row) => Number(row.contractId)))];
  const [invoiced, budgets] = contractIds.length
    ? await Promise.all([
        db.all(
          `SELECT contractId, SUM(totalCents) AS cents FROM invoice WHERE contractId IN ` +
            `${placeholders(contractIds.length)} AND status IN ${placeholders(INVOICED_STATUSES.length)} ` +
            `GROUP BY contractId`,
          [...contractIds, ...INVOICED_STATUSES],
        ),
        db.all(
          `SELECT contractId, SUM(budgetCents) AS cents FROM project WHERE contractId IN ${placeholders(contractIds.length)} GROUP BY contractId`,
          contractIds,
        ),
      ])
    : [[], []];
  const invoicedBy = new Map(invoiced.map((row) => [Number(row.contractId), Number(row.cents)]));
  const budgetsBy = new Map(budgets.map((row) => [Number(row.contractId), Number(row.cents)]));
  return {
    data: {
      projects: {
        edges: rows.map((row) => {
          const budget = Number(row.budgetCents);
          const actual = Number(row.actualCostCents);
          const contractId = row.contractId == null ? null : Number(row.contractId);
          const revenue =
            contractId === null
              ? 0
              : revenueShareCents(invoicedBy.get(contractId) ?? 0, budget, budgetsBy.get(contractId) ?? 0);
          return {
            node: {
              name: row.name,
              budget: money(budget, row.currency),
              actualCost: money(actual, row.currency),
              revenue: money(revenue, row.currency),
              margin: money(revenue - actual, row.currency),
              marginPercent: revenue === 0 ? null : ((revenue - actual) * 100) / revenue,
              budgetConsumedPercent: budget === 0 ? null : (actual * 100) / budget,
              isProfitable: revenue - actual > 0,
              health: row.health ?? null,
              account: { name: row.accountName },
            },
          };
        }),
      },
    },
  };
}

// Q4 ---------------------------------------------------------------------------------------------

/**
 * Sets membersReached if the account is still at `expectedVersion` and still holds the value the
 * client read there: that makes the audit event's `before` a fact the UPDATE checked, not a claim,
 * without reading the row first. Writes the audit event the server writes for updateAccount.
 */
async function updateAccount(rowId, actorId, input) {
  const { expectedVersion, membersReached, previous } = input;
  if (![expectedVersion, membersReached, previous?.membersReached, actorId].every(Number.isSafeInteger))
    return [400, { error: 'expectedVersion, membersReached, previous.membersReached and x-actor-id are integers' }];
  const changes =
    previous.membersReached === membersReached
      ? {}
      : { membersReached: { before: previous.membersReached, after: membersReached } };
  return db.transaction(async (tx) => {
    const updatedAt = new Date();
    const changed = await tx.changed(
      'UPDATE account SET membersReached = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ? AND membersReached = ?',
      [membersReached, datetime(updatedAt), rowId, expectedVersion, previous.membersReached],
    );
    if (changed !== 1)
      return [
        409,
        {
          error: `account ${rowId} is not at version ${expectedVersion} with membersReached ${previous.membersReached}`,
        },
      ];
    const occurredAt = datetime(new Date());
    await tx.changed(
      'INSERT INTO audit_event (createdAt, updatedAt, version, actorId, action, entityType, entityId, changes, occurredAt) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)',
      [
        occurredAt,
        occurredAt,
        actorId,
        'updateAccount',
        'Account',
        globalId('Account', rowId),
        JSON.stringify(changes),
        occurredAt,
      ],
    );
    const [account] = await tx.all('SELECT id, name, version, membersReached FROM account WHERE id = ?', [rowId]);
    return [
      200,
      {
        data: {
          updateAccount: {
            account: {
              id: globalId('Account', account.id),
              name: account.name,
              version: Number(account.version),
              membersReached: Number(account.membersReached),
            },
          },
        },
      },
    ];
  });
}

// HTTP -------------------------------------------------------------------------------------------

function reply(res, status, body) {
  const json = `${JSON.stringify(body)}\n`; // Apollo ends its JSON with a newline
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function pageSize(url) {
  const first = Number(url.searchParams.get('first') ?? 20);
  return Number.isInteger(first) && first >= 1 && first <= 100 ? first : null;
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const accountPath = /^\/account\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && accountPath) return reply(res, 200, await accountById(Number(accountPath[1])));
    if (req.method === 'POST' && accountPath) {
      const [status, body] = await updateAccount(
        Number(accountPath[1]),
        Number(req.headers['x-actor-id']),
        await readJson(req),
      );
      return reply(res, status, body);
    }
    if (req.method === 'GET' && (url.pathname === '/accounts' || url.pathname === '/projects')) {
      const first = pageSize(url);
      if (first === null) return reply(res, 400, { error: 'first must be 1 to 100' });
      return reply(res, 200, await (url.pathname === '/accounts' ? portfolioPage(first) : projectPortfolio(first)));
    }
    reply(res, 404, { error: 'not found' });
  } catch (error) {
    if (stopping) return res.destroy(); // requests still in flight when the load ended
    console.error('baseline:', error);
    reply(res, 500, { error: 'internal' });
  }
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.on('message', (message) => message?.type === 'stop' && stop());

server.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: server.address().port }));
