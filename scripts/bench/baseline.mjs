// The baseline of `pnpm bench`: the two benchmarked reads written by hand with the minimum of work
// (node:http, the database driver, JSON.stringify; no ORM, no GraphQL, no auth, no logging). It
// runs the same SQL shape as the GraphQL server: a keyset page of accounts by name, a COUNT, each
// account's first N (+1, as a connection does) team members and contacts with ROW_NUMBER() over IN (...), and the users they
// name with one IN (...) query. Its answers are byte-for-byte the GraphQL server's (bench.mjs
// checks), so both send the same bytes.
//   GET /account/:rowId       = account(id:) { name owner { name } }
//   GET /accounts?first=N     = the portfolio page in bench.mjs (team and contacts: first 10)
// Started by scripts/bench.mjs as a child with IPC; reads BENCH_DB_URL (mysql://... or sqlite:<path>).
import { createRequire } from 'node:module';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../../packages/server');
const requireServer = createRequire(join(serverDir, 'package.json'));
const CHILD_PAGE = 10;

const dbUrl = process.env.BENCH_DB_URL ?? '';
const query = dbUrl.startsWith('sqlite:') ? openSqlite(dbUrl.slice('sqlite:'.length)) : openMysql(dbUrl);

function openMysql(uri) {
  const mysql = requireServer('mysql2/promise');
  // The GraphQL server's pool settings (src/db/data-source.ts).
  const pool = mysql.createPool({ uri, connectionLimit: 10, timezone: 'Z', charset: 'UTF8MB4_UNICODE_CI', supportBigNumbers: true, bigNumberStrings: true });
  return {
    all: async (sql, params) => (await pool.query(sql, params))[0],
    close: () => pool.end(),
  };
}

function openSqlite(path) {
  const Database = requireServer('better-sqlite3');
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map();
  // Array parameters are expanded to (?, ?, ...) as mysql2 does; statements are cached by text.
  const expand = (sql, params) => {
    const flat = [];
    let i = 0;
    const text = sql.replace(/\?/g, () => {
      const value = params[i++];
      if (!Array.isArray(value)) return flat.push(value), '?';
      flat.push(...value);
      return value.map(() => '?').join(', ');
    });
    return { text, flat };
  };
  return {
    all: async (sql, params = []) => {
      const { text, flat } = expand(sql, params);
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = sqlite.prepare(text)));
      return statement.all(...flat);
    },
    close: async () => sqlite.close(),
  };
}

const globalId = (type, id) => Buffer.from(`${type}:${id}`).toString('base64');
const cursor = (key, value, id) => Buffer.from(JSON.stringify([key, value, Number(id)])).toString('base64url');

async function usersById(ids) {
  const unique = [...new Set(ids.filter((id) => id != null).map(Number))];
  if (unique.length === 0) return new Map();
  const rows = await query.all('SELECT id, name FROM `user` WHERE id IN (?)', [unique]);
  return new Map(rows.map((row) => [Number(row.id), row]));
}

/** The first `limit` rows of `table` per account, ordered, for every account in `accountIds`. */
function firstPerAccount(table, columns, order, accountIds, limit) {
  return query.all(
    `SELECT ${columns} FROM (SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY accountId ORDER BY ${order}) AS rowNumber ` +
      `FROM ${table} WHERE accountId IN (?)) ranked WHERE rowNumber <= ? ORDER BY ${order}`,
    [accountIds, limit],
  );
}

function groupByAccount(rows) {
  const groups = new Map();
  for (const row of rows) {
    const key = Number(row.accountId);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

async function accountById(rowId) {
  const [account] = await query.all('SELECT id, name, ownerId FROM account WHERE id IN (?)', [[rowId]]);
  if (!account) return { data: { account: null } };
  const owners = await usersById([account.ownerId]);
  const owner = owners.get(Number(account.ownerId));
  return { data: { account: { name: account.name, owner: owner ? { name: owner.name } : null } } };
}

async function portfolioPage(first) {
  const rows = await query.all('SELECT id, name, status, ownerId FROM account ORDER BY name ASC, id ASC LIMIT ?', [first + 1]);
  const page = rows.slice(0, first);
  const ids = page.map((row) => Number(row.id));
  const [[{ total }], team, contacts] = await Promise.all([
    query.all('SELECT COUNT(*) AS total FROM account'),
    ids.length ? firstPerAccount('account_team_member', 'id, accountId, userId, teamRole, createdAt', 'createdAt ASC, id ASC', ids, CHILD_PAGE + 1) : [],
    ids.length ? firstPerAccount('contact', 'id, accountId, name, title, email', 'name ASC, id ASC', ids, CHILD_PAGE + 1) : [],
  ]);
  const users = await usersById([...page.map((row) => row.ownerId), ...team.map((row) => row.userId)]);
  const teamBy = groupByAccount(team);
  const contactsBy = groupByAccount(contacts);
  const last = page.at(-1);
  return {
    data: {
      accounts: {
        totalCount: Number(total),
        pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor('name', last.name, last.id) : null },
        edges: page.map((row) => {
          const owner = users.get(Number(row.ownerId));
          return {
            node: {
              id: globalId('Account', row.id),
              name: row.name,
              status: row.status,
              owner: owner ? { name: owner.name } : null,
              team: { edges: (teamBy.get(Number(row.id)) ?? []).slice(0, CHILD_PAGE).map((m) => ({ node: { teamRole: m.teamRole, user: { name: users.get(Number(m.userId)).name } } })) },
              contacts: { edges: (contactsBy.get(Number(row.id)) ?? []).slice(0, CHILD_PAGE).map((c) => ({ node: { name: c.name, title: c.title, email: c.email } })) },
            },
          };
        }),
      },
    },
  };
}

function reply(res, status, body) {
  const json = `${JSON.stringify(body)}\n`; // Apollo ends its JSON with a newline
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const byId = /^\/account\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && byId) return reply(res, 200, await accountById(Number(byId[1])));
    if (req.method === 'GET' && url.pathname === '/accounts') {
      const first = Number(url.searchParams.get('first') ?? 20);
      if (!Number.isInteger(first) || first < 1 || first > 100) return reply(res, 400, { error: 'first must be 1 to 100' });
      return reply(res, 200, await portfolioPage(first));
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
  await query.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.on('message', (message) => message?.type === 'stop' && stop());

server.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: server.address().port }));
