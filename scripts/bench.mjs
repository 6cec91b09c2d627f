#!/usr/bin/env node
// `pnpm bench`: the server's speed and memory against a hand-written baseline, in one run.
//
// 1. A fresh database (MariaDB `ag_bench` by default, or a temp SQLite file with BENCH_DB=sqlite),
//    migrated and seeded with the demo portfolio by the server's own code (src/cli/bench.ts prepare),
//    which also signs a token for the seeded executive and logs every SQL statement, so the statements
//    of one request of each case are counted (Q2 and Q3 at two page sizes: the count must not grow).
// 2. The real server (createServer + listen, NODE_ENV=production, LOG_LEVEL=silent) in a child
//    process, and a baseline (scripts/bench/baseline.mjs: node:http + the driver's prepared
//    statements, the fewest round trips, no ORM) in another, both on 127.0.0.1. Read answers must be
//    byte-identical; a write must give the same answer and leave the same version and audit event.
// 3. autocannon from this process, same connections and duration, case by case:
//      Q1  account(id) { name owner { name } }                                    baseline: 1 statement
//      Q2  a 50-account page: owner, team(first: 10), contacts(first: 10), totalCount, pageInfo    4
//      Q3  a 100-project page: budget, actual cost, revenue, margin and their ratios, health, account  3
//      Q4  updateAccount(membersReached) with expectedVersion: compare-and-swap + audit event     5
//          (BEGIN, UPDATE ... WHERE id AND version, INSERT audit_event, SELECT, COMMIT). Every
//          connection updates an account of its own with the version it last saw (scripts/bench/
//          writes.mjs), so version conflicts are not what is measured; each answer is checked.
//    a warm-up of each server, then rounds that alternate them, each waiting for the last to idle.
//      Q5  a mix of 80% reads spread over Q1-Q3 and 20% Q4: first the baseline's most req/s on it
//          (closed loop), then both servers offered 30% of that rate (autocannon overallRate, which
//          sends each second's share of a connection back to back): p50, p99 and errors of each.
// 3b. Idle: after the load, BENCH_IDLE_SECONDS without requests, then the server's RSS.
// 3c. The cost-budget case: four connections send a query at the per-request cost budget without
//    pause while a cheap read arrives at a steady 20 req/s; the cheap read's p99 and the server's
//    memory show whether one caller's costliest queries can starve everyone else.
// 4. A table, then the TARGETS below; exits 1 when one is missed (or a run had errors), else 0.
// 5. Kills the children and drops the database, also on failure, Ctrl-C or the time limit.
// 6. BI (scripts/bench/bi.mjs): on the large seed (2,000 accounts, 100,000 invoices, 1,000,000 lines),
//    in a database of its own that is kept and reused while its counts match, the p50 latency of
//    analytics.revenueSeries (MONTH, 3 years) and analytics.receivablesAging (by account) against
//    the same GROUP BY written by hand on the driver; answers compared row by row; and the CSV export
//    of every invoice against one streaming SELECT formatted by hand (rows/s, server RSS); BI_TARGETS below.
//
//   BENCH_DB=mariadb|sqlite     database (default mariadb)
//   BENCH_MARIADB_URL           server (default mysql://root@127.0.0.1:3306; loopback only)
//   BENCH_DATABASE              database name on it (default ag_bench; dropped before and after)
//   BENCH_SECONDS               measured seconds per case and server (default 8)
//   BENCH_WARMUP_SECONDS        warm-up seconds before each (default 2)
//   BENCH_CONNECTIONS           concurrent connections (default 20; the write load needs as many
//                               accounts as connections, and the seed has 70)
//   BENCH_ROUNDS                slices the measured seconds are cut into, alternating the two servers
//                               so a passing disturbance hits both alike (default 4)
//   BENCH_MIX_RATE_PERCENT      Q5's offered rate, in % of the baseline's most req/s on the mix (default 30)
//   BENCH_IDLE_SECONDS          seconds without load before the idle RSS is read (default 5)
//   BENCH_TS_NODE=1             run the server under ts-node as `pnpm dev` does (RSS ~95 MB higher)
//   BENCH_VERBOSE=1             print the SQL statements of one request of each case
//   BENCH_HEAVY_SECONDS         seconds of the cost-budget case (default 20)
//   BENCH_SECTIONS              what to run: core (Q1-Q5 and the cost budget), bi, or both (default core,bi)
//   BENCH_BI_*                  the BI section's settings (scripts/bench/bi.mjs)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildServer } from './build-server.mjs';
import { openBenchDatabase } from './bench/db.mjs';
import { biSection } from './bench/bi.mjs';
import { AccountWriter, MIX, mixRequests } from './bench/writes.mjs';

class BenchError extends Error {}

/**
 * What a run must show (issue 8). Ratios are GraphQL req/s over baseline req/s in the same run, so
 * they hold across machines of a kind. These are where the server should be, not where it is:
 * a run today misses several, and that is the point. Never lower them to make a run pass.
 */
const HEAVY_TARGETS = [
  {
    metric: 'heavy.cheapP99Ms',
    max: 250,
    why: 'a cheap read while four queries at the cost budget run: one caller must not starve the others',
  },
  { metric: 'heavy.peakRssMb', max: 500, why: 'the server during the cost-budget case' },
  { metric: 'heavy.failures', max: 0, why: 'every heavy and cheap request answered, the server alive afterwards' },
];
const COMMON_TARGETS = [
  {
    metric: 'q1.ratio',
    min: 0.35,
    why: 'one account and its owner: the fixed cost of a request (HTTP, GraphQL, sign-in) against one JOIN',
  },
  { metric: 'q2.ratio', min: 0.5, why: 'the 50-account page: ~2,000 resolved fields against 4 statements' },
  { metric: 'q3.ratio', min: 0.5, why: 'the 100-project page with its money fields against 3 statements' },
  {
    metric: 'q4.ratio',
    min: 0.4,
    why: 'updateAccount: compare-and-swap and audit event in one transaction against 5 statements',
  },
  { metric: 'q5.errors', max: 0, why: "the mix at 30% of the baseline's most: every answer right" },
  { metric: 'q5.p99Ratio', max: 3, why: "the mix at 30% of the baseline's most: p99 at most 3x the baseline's" },
  { metric: 'q2.sqlGrowth', max: 0, why: "Q2's statements at first: 50 minus those at first: 5 (none may be per row)" },
  {
    metric: 'q3.sqlGrowth',
    max: 0,
    why: "Q3's statements at first: 100 minus those at first: 5 (none may be per row)",
  },
  { metric: 'graphql.peakRssMb', max: 250, why: "the server's high-water mark over Q1-Q5" },
  { metric: 'graphql.idleRssMb', max: 120, why: 'the server after the load, once idle (BENCH_IDLE_SECONDS)' },
];
/** Issue 10: dashboard aggregates on the large seed, p50 over the hand-written query's in the same run. */
const BI_TARGETS = [
  {
    metric: 'bi.revenueSeriesP50Ratio',
    max: 1.2,
    why: 'revenueSeries (MONTH, all accounts, 3 years) against its GROUP BY on the driver',
  },
  {
    metric: 'bi.receivablesAgingP50Ratio',
    max: 1.2,
    why: 'receivablesAging by account against its GROUP BY on the driver',
  },
  {
    metric: 'bi.exportRowsPerSecRatio',
    min: 0.7,
    why: 'GET /export/invoices.csv of every invoice against one streaming SELECT formatted by hand',
  },
  {
    metric: 'bi.exportPeakRssMb',
    max: 250,
    why: 'the server while it streams every invoice as CSV (VmRSS every 50 ms)',
  },
];
const TARGETS = {
  mariadb: [...COMMON_TARGETS, ...HEAVY_TARGETS],
  // The same values: SQLite is the embedded, single-node setup and must not be a slower product.
  // (Its baseline reads in-process, in microseconds, so the ratios of short reads are harder to reach.)
  sqlite: [...COMMON_TARGETS, ...HEAVY_TARGETS],
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'packages/server');
const requireServer = createRequire(join(serverDir, 'package.json'));

const dialect = { mariadb: 'mariadb', mysql: 'mariadb', sqlite: 'sqlite' }[
  (process.env.BENCH_DB || 'mariadb').toLowerCase()
];
if (!dialect) {
  console.error('bench: BENCH_DB must be mariadb or sqlite');
  process.exit(1);
}
const seconds = positiveInt('BENCH_SECONDS', 8);
const warmup = positiveInt('BENCH_WARMUP_SECONDS', 2, true);
const connections = positiveInt('BENCH_CONNECTIONS', 20);
const rounds = positiveInt('BENCH_ROUNDS', 4);
const mixRatePercent = positiveInt('BENCH_MIX_RATE_PERCENT', 30);
const idleSeconds = positiveInt('BENCH_IDLE_SECONDS', 5, true);
const verbose = ['1', 'true', 'yes'].includes(String(process.env.BENCH_VERBOSE ?? '').toLowerCase());
const useTsNode = ['1', 'true', 'yes'].includes(String(process.env.BENCH_TS_NODE ?? '').toLowerCase());
const heavySeconds = positiveInt('BENCH_HEAVY_SECONDS', 20);
const sections = new Set(
  String(process.env.BENCH_SECTIONS || 'core,bi')
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);
if (sections.size === 0 || [...sections].some((name) => name !== 'core' && name !== 'bi')) {
  console.error('bench: BENCH_SECTIONS must be core, bi or core,bi');
  process.exit(1);
}
// 1 + 100 x (1 + 1 + 97) = 9,901 points: as close to the 10,000-point budget as this shape gets.
const HEAVY_QUERY =
  'query AtTheBudget { projects(first: 100) { edges { node { name statusUpdates(first: 97) { edges ' +
  '{ node { summary risks nextSteps overall postedAt } } } } } } }';
const CHEAP_RATE = 20;
const EXECUTIVE = 'dana.whitfield@accountgraph.example';

/** Page sizes of Q2 and Q3 as measured, and the small size their statements are also counted at. */
const ACCOUNT_PAGE = 50;
const PROJECT_PAGE = 100;
const SMALL_PAGE = 5;

const Q1_QUERY = 'query AccountById($id: ID!) { account(id: $id) { name owner { name } } }';
const Q2_QUERY = `query PortfolioPage($first: Int!) {
  accounts(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name status
      owner { name }
      team(first: 10) { edges { node { teamRole user { name } } } }
      contacts(first: 10) { edges { node { name title email } } }
    } }
  }
}`;
const Q3_QUERY = `query ProjectPortfolio($first: Int!) {
  projects(first: $first) {
    edges { node {
      name
      budget { amountCents currency }
      actualCost { amountCents currency }
      revenue { amountCents currency }
      margin { amountCents currency }
      marginPercent
      budgetConsumedPercent
      isProfitable
      health
      account { name }
    } }
  }
}`;
/** The baseline's statements per request, fixed by its code (scripts/bench/baseline.mjs). */
const BASELINE_STATEMENTS = { q1: 1, q2: 4, q3: 3, q4: 5 };

function positiveInt(name, fallback, zeroOk = false) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zeroOk ? 0 : 1) || value > 600) {
    console.error(`bench: ${name} must be a whole number from ${zeroOk ? 0 : 1} to 600`);
    process.exit(1);
  }
  return value;
}

/** A failure already explained to the user: no stack trace. */
function fail(message) {
  throw new BenchError(message);
}

// ---------------------------------------------------------------------------------------------
// Everything to undo, in reverse order, whatever happens.

const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error(`bench: cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\nbench: ${signal}, cleaning up`);
    await cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// ---------------------------------------------------------------------------------------------
// The database.

function mariadbServerUrl() {
  const url = new URL(process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    fail(
      `BENCH_MARIADB_URL must name a loopback host (127.x, localhost, ::1), not ${host}: the benchmark sends traffic to this machine only`,
    );
  }
  url.pathname = '';
  return url;
}

async function createDatabase() {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ag-bench-db-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { label: 'SQLite (better-sqlite3)', url: `sqlite:${join(dir, 'bench.sqlite')}` };
  }
  const server = mariadbServerUrl();
  const name = process.env.BENCH_DATABASE ?? 'ag_bench';
  if (!/^\w{1,64}$/.test(name)) fail('BENCH_DATABASE must be letters, digits and _');
  const mysql = requireServer('mysql2/promise');
  const admin = async (sql) => {
    const connection = await mysql.createConnection({ uri: server.toString(), connectTimeout: 3000 });
    try {
      return (await connection.query(sql))[0];
    } finally {
      await connection.end();
    }
  };
  let version;
  try {
    [{ version }] = await admin('SELECT VERSION() AS version');
  } catch (error) {
    fail(
      `MariaDB does not answer at ${server.host} (${error.code ?? error.message}); start it, or run BENCH_DB=sqlite pnpm bench`,
    );
  }
  await admin(`DROP DATABASE IF EXISTS \`${name}\``);
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS \`${name}\``));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { label: `MariaDB ${version} (mysql2), database ${name}`, url: url.toString() };
}

// ---------------------------------------------------------------------------------------------
// The server code, compiled once as `pnpm start` compiles it (scripts/build-server.mjs), into a
// folder of the bench's own so a run never touches packages/server/dist.

function transpileServer() {
  const outDir = join(mkdtempSync(join(tmpdir(), 'ag-bench-server-')), 'dist');
  cleanups.push(() => rmSync(dirname(outDir), { recursive: true, force: true }));
  return buildServer(outDir);
}

// ---------------------------------------------------------------------------------------------
// Children: started with IPC, ready when they send { type: 'ready' }.

function startChild(label, modulePath, args, options) {
  const child = fork(modulePath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...options });
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => ((exited = true), resolve({ code, signal }))),
  );
  const stop = async () => {
    if (exited) return;
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new BenchError(`${label} did not start within 120 s`)), 120_000);
    child.on('message', (message) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message);
    });
    exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new BenchError(`${label} exited (${signal ?? code}) before it was ready`));
    });
  });
  return { label, child, ready, stop, exit: () => exited };
}

function startGraphQL(serverCode, mode, env) {
  const childEnv = { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'silent' };
  if (useTsNode) {
    return startChild(`GraphQL server (${mode})`, join(serverDir, 'src/cli/bench.ts'), [mode], {
      cwd: serverDir,
      env: childEnv,
      execArgv: ['-r', 'ts-node/register/transpile-only'],
    });
  }
  // The transpiled files live outside the package: NODE_PATH lets them find its dependencies.
  return startChild(`GraphQL server (${mode})`, join(serverCode, 'cli/bench.js'), [mode], {
    cwd: serverDir,
    env: { ...childEnv, NODE_PATH: join(serverDir, 'node_modules') },
    execArgv: startFlags(),
  });
}

/** The V8 flags `pnpm start` runs the server with (packages/server/package.json), so the bench measures the same process. */
function startFlags() {
  const start = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')).scripts.start;
  const flags = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/main\.js/.exec(start);
  if (!flags) fail(`cannot find "node [flags] dist/main.js" in the start script: ${start}`);
  return flags[1].trim().split(/\s+/).filter(Boolean);
}

function takeQueries(server) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message?.type !== 'queries') return;
      server.child.off('message', onMessage);
      resolve(message.queries);
    };
    server.child.on('message', onMessage);
    server.child.send({ type: 'takeQueries' });
  });
}

// ---------------------------------------------------------------------------------------------
// Memory: /proc/<pid>/status (Linux). VmHWM is the peak resident set since the process started.

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

// ---------------------------------------------------------------------------------------------
// CPU (Linux): what the server under load used, and what processes outside the benchmark used
// meanwhile. The machine has few cores; another busy process skews a run, so the run says so.

const CORES = availableParallelism();
const TICKS_PER_SECOND = 100; // USER_HZ in /proc/<pid>/stat and /proc/stat

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return NaN;
  }
}

function mariadbPids() {
  if (dialect !== 'mariadb') return [];
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return /^(mariadbd|mysqld)$/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** A snapshot to diff: machine-wide busy ticks, the server's ticks, and the benchmark's own ticks. */
function cpuSnapshot(serverPid, ownPids) {
  let machine = { total: NaN, busy: NaN };
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, t) => sum + t, 0);
    machine = { total, busy: total - ticks[3] - ticks[4] };
  } catch {
    // No /proc/stat (not Linux): the machine's share is left unknown.
  }
  return {
    at: process.hrtime.bigint(),
    machine,
    server: processTicks(serverPid),
    own: ownPids.reduce((sum, pid) => sum + processTicks(pid), 0),
  };
}

/** Cores used between two snapshots: by the server under load, and by everything outside the benchmark. */
function cpuUsed(before, after) {
  const seconds = Number(after.at - before.at) / 1e9;
  const wallTicks = (after.machine.total - before.machine.total) / CORES;
  return {
    serverCores: (after.server - before.server) / TICKS_PER_SECOND / seconds,
    otherCores: (after.machine.busy - before.machine.busy - (after.own - before.own)) / wallTicks,
  };
}

// ---------------------------------------------------------------------------------------------
// Requests. Fixed requests are { url, method, headers, body }; the write load builds its own.

const SIDES = ['graphql', 'baseline'];

function graphqlRequest(port, token, query, variables) {
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

/** Q1-Q3 on both sides (the baseline's port may be unknown yet: only the GraphQL side is sent then). */
function readRequests(ports, token, account, sizes = { q2: ACCOUNT_PAGE, q3: PROJECT_PAGE }) {
  const baseline = (path) => ({ url: `http://127.0.0.1:${ports.baseline}${path}`, method: 'GET', headers: {} });
  return {
    q1: {
      graphql: graphqlRequest(ports.graphql, token, Q1_QUERY, { id: account.id }),
      baseline: baseline(`/account/${account.rowId}`),
    },
    q2: {
      graphql: graphqlRequest(ports.graphql, token, Q2_QUERY, { first: sizes.q2 }),
      baseline: baseline(`/accounts?first=${sizes.q2}`),
    },
    q3: {
      graphql: graphqlRequest(ports.graphql, token, Q3_QUERY, { first: sizes.q3 }),
      baseline: baseline(`/projects?first=${sizes.q3}`),
    },
  };
}

/** A fixed request as one entry of autocannon's `requests` (the host comes from its `url`). */
function asEntry({ url, method, headers, body }) {
  const { pathname, search } = new URL(url);
  return { method, path: pathname + search, headers, body };
}

async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200)
    fail(`${request.method} ${request.url} answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  if (body.errors) fail(`${request.url} answered errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return text;
}

/** One update through `side`, checked byte for byte; returns the account as it was before. */
async function sendWrite(writer, side, baseUrl) {
  const state = writer.claim();
  const before = { ...state };
  const expected = writer.expected(state);
  const request = writer.request(side, state);
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  if (!writer.answered(state, response.status, text)) {
    fail(
      `updateAccount on the ${side === 'graphql' ? 'GraphQL server' : 'baseline'} answered ${response.status} ${text.slice(0, 300)}\n  expected: ${expected}`,
    );
  }
  return before;
}

/** Runs autocannon; `latencies` receives every response time (ms), so rounds merge exactly. */
function load(options, duration, latencies = []) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { connections, ...options, duration, timeout: 10, renderProgressBar: false },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Waits until the process has used no CPU for 200 ms (requests cut off by a round's end are done), at most 5 s. */
async function settle(pid) {
  const until = Date.now() + 5000;
  let last = processTicks(pid);
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = processTicks(pid);
    if (!(now > last)) return;
    last = now;
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Measuring a case: warm-up, then rounds alternating the two servers.

function newRun() {
  return {
    latencies: [],
    seconds: 0,
    serverTicks: 0,
    otherCores: [],
    bad: { errors: 0, timeouts: 0, non2xx: 0, mismatches: 0, unaudited: 0 },
  };
}

/**
 * One autocannon run of `bench` on `side`, into `run`; waits for the server to idle afterwards. With
 * writes, the accounts are reread first, and afterwards every version the run moved must have its
 * audit event (both counted in the database).
 */
async function runOnce(bench, side, duration, run, rate) {
  const { writer, pids, ownPids } = bench.context;
  const ledger = bench.writes ? (await writer.sync(), await writer.ledger()) : null;
  const before = cpuSnapshot(pids[side], ownPids);
  const result = await load(
    { ...bench.options(side, run.bad), ...(rate ? { overallRate: rate } : {}) },
    duration,
    run.latencies,
  );
  const cpu = cpuUsed(before, cpuSnapshot(pids[side], ownPids));
  run.seconds += result.duration;
  run.serverTicks += cpu.serverCores * result.duration;
  run.otherCores.push(cpu.otherCores);
  for (const field of ['errors', 'timeouts', 'non2xx', 'mismatches']) run.bad[field] += result[field];
  await settle(pids[side]);
  if (ledger) {
    const after = await writer.ledger();
    run.bad.unaudited += Math.abs(after.versions - ledger.versions - (after.audits - ledger.audits));
  }
  return result;
}

async function measure(bench, rate) {
  const { pids } = bench.context;
  const slice = seconds / rounds;
  const runs = {};
  for (const side of SIDES) {
    if (warmup > 0) await runOnce(bench, side, warmup, newRun(), rate);
    else await settle(pids[side]);
    runs[side] = newRun();
  }
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? SIDES : [...SIDES].reverse())
      await runOnce(bench, side, slice, runs[side], rate);
  }
  const results = {};
  for (const [side, run] of Object.entries(runs)) {
    const sorted = Float64Array.from(run.latencies).sort();
    results[side] = {
      rps: run.latencies.length / run.seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      total: run.latencies.length,
      serverCores: run.serverTicks / run.seconds,
      otherCores: run.otherCores.reduce((sum, c) => sum + c, 0) / run.otherCores.length,
      otherCoresMax: Math.max(...run.otherCores),
      peakRssMb: memoryOf(pids[side]).peakRssMb,
      bad: Object.values(run.bad).reduce((sum, n) => sum + n, 0),
      detail: Object.entries(run.bad)
        .filter(([, n]) => n > 0)
        .map(([field, n]) => `${n} ${field}`)
        .join(', '),
    };
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  // Load (5 cases, warm-ups, the mix's maximum), at most 5 s of settling after each run, and 4 minutes for the rest;
  // the BI section may load the large seed (minutes) and measures two cases, so it adds 15 minutes.
  const limitMs =
    ((sections.has('core')
      ? 5 * 2 * (seconds + warmup) + seconds + warmup + 5 * 2 * (rounds + 1) * 5 + idleSeconds + heavySeconds + warmup
      : 0) +
      (sections.has('bi') ? 900 : 0) +
      240) *
    1000;
  const watchdog = setTimeout(async () => {
    console.error(`bench: not finished after ${Math.round(limitMs / 1000)} s; stopping`);
    await cleanup();
    process.exit(1);
  }, limitMs);

  const serverCode = useTsNode ? null : transpileServer();
  const secret = randomBytes(32).toString('hex');
  // The rate limit counts every request as in production but never refuses: the load is one caller.
  const env = { AUTH_JWT_SECRET: secret, RATE_LIMIT_POINTS_PER_MINUTE: '1000000000' };
  let missed = 0;
  if (sections.has('core')) missed += await coreSection(serverCode, env);
  if (sections.has('bi')) missed += await runBiSection(serverCode, env);

  await cleanup();
  clearTimeout(watchdog);
  console.log(
    `\n${missed ? `FAILED: ${missed} target(s) missed or runs invalid` : 'all targets met'} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  process.exitCode = missed ? 1 : 0;
}

/** Prints each target as met or missed; returns how many were missed. */
function checkTargets(targets, metrics) {
  let missed = 0;
  for (const target of targets) {
    const value = metrics[target.metric];
    const ok =
      Number.isFinite(value) &&
      (target.min === undefined || value >= target.min) &&
      (target.max === undefined || value <= target.max);
    if (!ok) missed++;
    const bound = target.min !== undefined ? `>= ${target.min}` : `<= ${target.max}`;
    const digits = /Mb$|errors$|failures$|Growth$/.test(target.metric) ? 0 : 2;
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${target.metric} = ${fmt(value, digits)} (${bound}): ${target.why}`);
  }
  return missed;
}

/** The BI section (scripts/bench/bi.mjs) on the large seed; returns the targets missed. */
async function runBiSection(serverCode, env) {
  const bi = await biSection({
    dialect: dialect === 'sqlite' ? 'sqlite' : 'mysql',
    requireServer,
    env,
    cleanups,
    fail,
    fmt,
    percentile,
    positiveInt,
    mariadbServerUrl,
    startGraphQL: (mode, childEnv) => startGraphQL(serverCode, mode, childEnv),
    runServerCli: (args, childEnv) => runServerCli(serverCode, 'db', args, childEnv),
  });
  console.log(`\n${table(bi.rows)}`);
  console.log(`\n${table(bi.exportRows)}`);
  console.log(
    `One request at a time, the two sides alternating; GraphQL over HTTP as the ADMIN, raw SQL on the driver in the bench process.` +
      (bi.loadSeconds === null
        ? ''
        : ` The large seed loaded in ${fmt(bi.loadSeconds, 0)} s (CLI start and migrations included).`),
  );
  console.log(`\nTargets, BI (${dialect}):`);
  return checkTargets(BI_TARGETS, bi.metrics);
}

/** Runs a server CLI (src/cli/<name>) to the end, its output shown; fails the run when it fails. */
function runServerCli(serverCode, name, args, env) {
  const options = useTsNode
    ? { modulePath: join(serverDir, `src/cli/${name}.ts`), execArgv: ['-r', 'ts-node/register/transpile-only'], env }
    : {
        modulePath: join(serverCode, `cli/${name}.js`),
        execArgv: [],
        env: { ...env, NODE_PATH: join(serverDir, 'node_modules') },
      };
  return new Promise((resolve, reject) => {
    const child = fork(options.modulePath, args, {
      cwd: serverDir,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: options.execArgv,
      env: { ...process.env, ...options.env },
    });
    const stop = () => child.exitCode === null && child.kill('SIGTERM');
    cleanups.push(stop);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new BenchError(`${name} ${args.join(' ')} exited (${signal ?? code})`)),
    );
  });
}

/** Q1-Q5 and the cost-budget case on the demo seed, against the baseline server; returns the targets missed. */
async function coreSection(serverCode, commonEnv) {
  const database = await createDatabase();
  const env = { ...commonEnv, DATABASE_URL: database.url };
  console.log(
    `Account Graph benchmark: ${database.label}; ${connections} connections; per case and server ` +
      `${warmup} s warm-up + ${seconds} s measured in ${rounds} alternating rounds`,
  );

  // 1. Migrate and seed through the server's own code; count statements per request on the way.
  const prepare = startGraphQL(serverCode, 'prepare', env);
  const prepared = await prepare.ready;
  const db = await openBenchDatabase(database.url);
  cleanups.push(() => db.close());
  const [executive] = await db.all('SELECT id FROM `user` WHERE email = ?', [EXECUTIVE]);
  const writeIds = (await db.all('SELECT id FROM account ORDER BY id LIMIT ?', [2 * connections])).map((row) =>
    Number(row.id),
  );
  if (!executive || writeIds.length < connections)
    fail(
      `the seed has ${writeIds.length} accounts and ${executive ? 'the' : 'no'} executive: the write load needs one account per connection (${connections})`,
    );
  const writer = new AccountWriter(db, writeIds, { token: prepared.token, actorId: Number(executive.id) });
  console.log(
    `seeded: ${prepared.seeded.accounts} accounts, ${prepared.seeded.teamMembers} team members, ` +
      `${prepared.seeded.contacts} contacts, ${prepared.seeded.projects} projects, ` +
      `${prepared.seeded.users} staff;` +
      ` token for ${EXECUTIVE}; the write load updates ${writeIds.length} accounts`,
  );
  const firstPage = JSON.parse(await send(graphqlRequest(prepared.port, prepared.token, Q2_QUERY, { first: 1 })));
  const q1Account = { id: firstPage.data.accounts.edges[0].node.id };
  q1Account.rowId = Buffer.from(q1Account.id, 'base64').toString('utf8').split(':')[1];

  const statements = {};
  const count = async (label, sendOne) => {
    await sendOne(); // the first request of a kind may differ; count the second
    await takeQueries(prepare);
    await sendOne();
    const queries = await takeQueries(prepare);
    statements[label] = queries.length;
    if (verbose)
      console.log(`\nSQL for one ${label} request (${queries.length}):\n${queries.map((q) => `  ${q}`).join('\n')}`);
  };
  const probe = readRequests({ graphql: prepared.port }, prepared.token, q1Account);
  const probeSmall = readRequests({ graphql: prepared.port }, prepared.token, q1Account, {
    q2: SMALL_PAGE,
    q3: SMALL_PAGE,
  });
  for (const key of ['q1', 'q2', 'q3']) await count(key, () => send(probe[key].graphql));
  for (const key of ['q2', 'q3']) await count(`${key}@${SMALL_PAGE}`, () => send(probeSmall[key].graphql));
  await writer.sync();
  await count('q4', () => sendWrite(writer, 'graphql', `http://127.0.0.1:${prepared.port}`));
  await prepare.stop();

  // 2. The server as it runs (no query logging), and the baseline.
  const graphqlServer = startGraphQL(serverCode, 'serve', env);
  const baseline = startChild('baseline server', join(root, 'scripts/bench/baseline.mjs'), [], {
    cwd: root,
    env: { ...process.env, BENCH_DB_URL: database.url },
    execArgv: [],
  });
  const [graphqlReady, baselineReady] = await Promise.all([graphqlServer.ready, baseline.ready]);
  const ports = { graphql: graphqlReady.port, baseline: baselineReady.port };
  const base = { graphql: `http://127.0.0.1:${ports.graphql}`, baseline: `http://127.0.0.1:${ports.baseline}` };
  const reads = readRequests(ports, prepared.token, q1Account);
  const afterStart = { graphql: memoryOf(graphqlServer.child.pid), baseline: memoryOf(baseline.child.pid) };

  // Reads: byte for byte the same, so both do the same work and send the same bytes.
  const expected = {};
  for (const [key, request] of Object.entries(reads)) {
    const [fromGraphQL, fromBaseline] = [await send(request.graphql), await send(request.baseline)];
    if (fromGraphQL !== fromBaseline) {
      const at = [...fromGraphQL].findIndex((ch, i) => ch !== fromBaseline[i]);
      fail(
        `${key}: the baseline's answer differs from the server's at character ${at}:\n  server:   ` +
          `…${fromGraphQL.slice(Math.max(0, at - 80), at + 80)}\n  baseline: ` +
          `…${fromBaseline.slice(Math.max(0, at - 80), at + 80)}`,
      );
    }
    expected[key] = fromGraphQL;
  }
  const accountRows = JSON.parse(expected.q2).data.accounts.edges.length;
  const projectRows = JSON.parse(expected.q3).data.projects.edges.length;
  if (accountRows !== ACCOUNT_PAGE || projectRows !== PROJECT_PAGE)
    fail(
      `the pages have ${accountRows} accounts and ${projectRows} projects, not ${ACCOUNT_PAGE} and ${PROJECT_PAGE}: is the seed smaller than expected?`,
    );
  // Writes: the same answer, and the same row and audit event left behind.
  const audits = {};
  for (const side of SIDES) {
    await writer.sync();
    const before = await sendWrite(writer, side, base[side]);
    const after = AccountWriter.next(before);
    const [row] = await db.all('SELECT version, membersReached FROM account WHERE id = ?', [before.rowId]);
    const [audit] = await db.all(
      'SELECT actorId, action, entityType, entityId, changes, createdAt, occurredAt FROM audit_event WHERE entityId = ? ORDER BY id DESC LIMIT 1',
      [before.id],
    );
    const who = side === 'graphql' ? 'the GraphQL server' : 'the baseline';
    if (Number(row.version) !== before.version + 1 || Number(row.membersReached) !== after)
      fail(
        `after an update by ${who}, account ${before.rowId} is at version ${row.version} with ` +
          `membersReached ${row.membersReached}, not ${before.version + 1} and ${after}`,
      );
    const wanted = {
      actorId: Number(executive.id),
      action: 'updateAccount',
      entityType: 'Account',
      entityId: before.id,
      changes: JSON.stringify({ membersReached: { before: before.membersReached, after } }),
    };
    const got = audit && {
      actorId: Number(audit.actorId),
      action: audit.action,
      entityType: audit.entityType,
      entityId: audit.entityId,
      changes: audit.changes,
    };
    if (JSON.stringify(got) !== JSON.stringify(wanted))
      fail(`the audit event of an update by ${who} is ${JSON.stringify(got)}, not ${JSON.stringify(wanted)}`);
    audits[side] = audit;
  }
  // Timestamps differ by nature; how they are stored must not.
  const shape = (value) => (value instanceof Date ? 'a DATETIME' : String(value).replace(/\d/g, '9'));
  for (const column of ['createdAt', 'occurredAt']) {
    if (shape(audits.graphql[column]) !== shape(audits.baseline[column]))
      fail(
        `audit_event.${column}: the server writes ${shape(audits.graphql[column])}, the baseline ${shape(audits.baseline[column])}`,
      );
  }

  // 3. Load, case by case.
  const pids = { graphql: graphqlServer.child.pid, baseline: baseline.child.pid };
  const context = { writer, pids, ownPids: [process.pid, pids.graphql, pids.baseline, ...mariadbPids()] };
  const fixed = (key) => (side) => ({ ...reads[key][side], expectBody: expected[key] });
  const writeAnswerBytes = Buffer.byteLength(writer.expected(writer.all[0]));
  const cases = [
    { key: 'q1', title: 'Q1 account by id', bytes: Buffer.byteLength(expected.q1), options: fixed('q1') },
    {
      key: 'q2',
      title: `Q2 ${ACCOUNT_PAGE}-account page`,
      bytes: Buffer.byteLength(expected.q2),
      options: fixed('q2'),
    },
    {
      key: 'q3',
      title: `Q3 ${PROJECT_PAGE}-project page`,
      bytes: Buffer.byteLength(expected.q3),
      options: fixed('q3'),
    },
    {
      key: 'q4',
      title: 'Q4 updateAccount',
      bytes: writeAnswerBytes,
      writes: true,
      options: (side, bad) => ({ url: base[side], requests: writer.requests(side, bad) }),
    },
  ].map((bench) => ({ ...bench, context }));
  const results = {};
  for (const bench of cases) {
    process.stdout.write(
      `${bench.title}: warm-up ${warmup} s each, then ${rounds} rounds of ${fmt(seconds / rounds, 1)} s each, alternating ... `,
    );
    const measured = await measure(bench);
    for (const side of SIDES) results[`${bench.key}.${side}`] = measured[side];
    console.log(
      `GraphQL ${Math.round(measured.graphql.rps)} req/s, baseline ${Math.round(measured.baseline.rps)} req/s`,
    );
  }

  // Q5: the baseline's most on the mix, then both at a share of it.
  const mixEntries = Object.fromEntries(
    Object.entries(reads).map(([key, request]) => [
      key,
      { graphql: asEntry(request.graphql), baseline: asEntry(request.baseline) },
    ]),
  );
  const mixBytes =
    MIX.reduce((sum, key) => sum + (key === 'q4' ? writeAnswerBytes : Buffer.byteLength(expected[key])), 0) /
    MIX.length;
  const mix = {
    key: 'q5',
    title: 'Q5 mix',
    bytes: mixBytes,
    writes: true,
    context,
    options: (side, bad) => ({ url: base[side], requests: mixRequests(side, mixEntries, expected, writer, bad) }),
  };
  process.stdout.write(
    `Q5 mix (${MIX.length} requests: ` +
      `${['q1', 'q2', 'q3', 'q4'].map((k) => `${MIX.filter((m) => m === k).length} ${k.toUpperCase()}`).join(', ')}): ` +
      `the baseline's most in ${seconds} s ... `,
  );
  if (warmup > 0) await runOnce(mix, 'baseline', warmup, newRun());
  const maxRun = newRun();
  await runOnce(mix, 'baseline', seconds, maxRun);
  if (Object.values(maxRun.bad).some((n) => n > 0))
    fail(`the baseline failed on the mix at its most: ${JSON.stringify(maxRun.bad)}`);
  const mixMaxRps = maxRun.latencies.length / maxRun.seconds;
  const mixRate = Math.max(1, Math.round((mixMaxRps * mixRatePercent) / 100));
  process.stdout.write(`${Math.round(mixMaxRps)} req/s; both offered ${mixRate} req/s (${mixRatePercent}%) ... `);
  const mixed = await measure(mix, mixRate);
  for (const side of SIDES) results[`q5.${side}`] = mixed[side];
  console.log(`p99 GraphQL ${fmt(mixed.graphql.p99, 1)} ms, baseline ${fmt(mixed.baseline.p99, 1)} ms`);

  // Memory: the high-water mark over Q1-Q5, then RSS once the server has had nothing to do for a while.
  const peak = { graphql: memoryOf(pids.graphql), baseline: memoryOf(pids.baseline) };
  if (idleSeconds > 0) process.stdout.write(`idle ${idleSeconds} s ... `);
  await sleep(idleSeconds * 1000);
  await settle(pids.graphql);
  const idle = { graphql: memoryOf(pids.graphql), baseline: memoryOf(pids.baseline) };
  if (idleSeconds > 0) console.log(`server RSS ${fmt(idle.graphql.rssMb, 0)} MB`);

  const heavy = await heavyCase(ports.graphql, prepared.token, reads.q1.graphql, expected.q1, pids.graphql);

  // 4. Report.
  const ratio = (key) => results[`${key}.graphql`].rps / results[`${key}.baseline`].rps;
  const metrics = {
    'q1.ratio': ratio('q1'),
    'q2.ratio': ratio('q2'),
    'q3.ratio': ratio('q3'),
    'q4.ratio': ratio('q4'),
    'q5.errors': results['q5.graphql'].bad,
    'q5.p99Ratio': results['q5.graphql'].p99 / results['q5.baseline'].p99,
    'q2.sqlGrowth': statements.q2 - statements[`q2@${SMALL_PAGE}`],
    'q3.sqlGrowth': statements.q3 - statements[`q3@${SMALL_PAGE}`],
    'graphql.peakRssMb': peak.graphql.peakRssMb,
    'graphql.idleRssMb': idle.graphql.rssMb,
    'heavy.cheapP99Ms': heavy.cheap.p99,
    'heavy.peakRssMb': heavy.peakRssMb,
    'heavy.failures': heavy.failures,
  };
  const mixStatements = (sides) => MIX.reduce((sum, key) => sum + sides[key], 0) / MIX.length;
  const sql = {
    graphql: { ...statements, q5: mixStatements(statements) },
    baseline: { ...BASELINE_STATEMENTS, q5: mixStatements(BASELINE_STATEMENTS) },
  };
  const rows = [
    [
      'case',
      'server',
      'req/s',
      'p50 ms',
      'p99 ms',
      'requests',
      'errors',
      'bytes/resp',
      'SQL/req',
      'server CPU',
      'other CPU',
      'peak RSS MB',
      'GraphQL/baseline',
    ],
  ];
  for (const bench of [...cases, mix]) {
    const line = (side, label, ratioCell) => {
      const r = results[`${bench.key}.${side}`];
      const statementsCell = Number.isInteger(sql[side][bench.key])
        ? String(sql[side][bench.key])
        : fmt(sql[side][bench.key], 1);
      return [
        label,
        fmt(r.rps, 0),
        fmt(r.p50, 1),
        fmt(r.p99, 1),
        String(r.total),
        String(r.bad),
        fmt(bench.bytes, 0),
        statementsCell,
        fmt(r.serverCores, 2),
        fmt(r.otherCores, 2),
        fmt(r.peakRssMb, 0),
        ratioCell,
      ];
    };
    const ratioCell =
      bench.key === 'q5' ? `p99 x${fmt(metrics['q5.p99Ratio'], 2)}` : fmt(metrics[`${bench.key}.ratio`], 2);
    rows.push([bench.title, ...line('graphql', 'GraphQL', ratioCell)]);
    rows.push(['', ...line('baseline', 'baseline', '')]);
  }
  console.log(`\n${table(rows)}`);
  console.log(
    `Q1-Q4: closed loop, ${connections} connections. Q5: ${MIX.length}-request mix (80% reads over Q1-Q3, 20% Q4) offered at ${mixRate} req/s to each,` +
      ` ${mixRatePercent}% of the baseline's most on it (${Math.round(mixMaxRps)} req/s); req/s is what was answered.`,
  );
  for (const side of SIDES) {
    const answered = results[`q5.${side}`].rps;
    if (answered < 0.95 * mixRate)
      console.log(
        `Q5: the ${side === 'graphql' ? 'GraphQL server' : 'baseline'} answered ${fmt(answered, 0)} of the ${mixRate} req/s offered: it could not keep up.`,
      );
  }
  console.log(
    `CPU in cores (of ${CORES}): the server under load, and processes outside the benchmark meanwhile (mean of the rounds).` +
      ` Peak RSS: the server's high-water mark at the end of the case.`,
  );
  const noisiest = Math.max(...Object.values(results).map((r) => r.otherCoresMax));
  if (noisiest > 0.2) {
    console.log(
      `WARNING: other processes used up to ${fmt(noisiest, 2)} cores during a round; this run's numbers are disturbed (rerun on a quiet machine).`,
    );
  }
  console.log(
    `\nRSS, MB: GraphQL server ${fmt(afterStart.graphql.rssMb, 0)} after start, peak ${fmt(peak.graphql.peakRssMb, 0)} over Q1-Q5,` +
      ` ${fmt(idle.graphql.rssMb, 0)} after ${idleSeconds} s idle; baseline ` +
      `${fmt(afterStart.baseline.rssMb, 0)} after start, peak ${fmt(peak.baseline.peakRssMb, 0)}` +
      `${useTsNode ? ' (server under ts-node)' : ''}`,
  );
  console.log(
    `SQL/req: statements the GraphQL server ran for one request (sign-in included; Q2 at first: ${SMALL_PAGE} ${statements[`q2@${SMALL_PAGE}`]},` +
      ` Q3 at first: ${SMALL_PAGE} ${statements[`q3@${SMALL_PAGE}`]}); the baseline's are fixed by its code. Q5: the mix's mean.`,
  );

  console.log(
    `\nCost budget: ${heavy.heavy.total} queries of ${heavy.cost} points (${fmt(heavy.heavy.p50, 0)} ` +
      `ms p50, ${fmt(heavy.heavy.p99, 0)} ms p99) on 4 connections for ${heavySeconds} s;` +
      ` meanwhile account by id at ${CHEAP_RATE} req/s: p50 ${fmt(heavy.cheap.p50, 1)} ms, p99 ` +
      `${fmt(heavy.cheap.p99, 1)} ms, max ${fmt(heavy.cheap.max, 1)} ms (${heavy.cheap.total} ` +
      `requests);` +
      ` server peak RSS ${fmt(heavy.peakRssMb, 0)} MB; ${heavy.failures} failed requests${heavy.alive ? '' : '; the server did not answer afterwards'}`,
  );

  // The server's errors under the mix are a target of their own; any other failed request voids the run.
  const invalid = Object.entries(results).filter(([key, r]) => r.bad > 0 && key !== 'q5.graphql');
  for (const [key, r] of invalid) console.log(`INVALID: ${key}: ${r.detail}`);
  if (results['q5.graphql'].bad > 0) console.log(`Q5 errors of the GraphQL server: ${results['q5.graphql'].detail}`);

  console.log(`\nTargets (${dialect}):`);
  const missed = invalid.length + checkTargets(TARGETS[dialect], metrics);
  // The BI section measures next, alone on the machine.
  await graphqlServer.stop();
  await baseline.stop();
  return missed;
}

/**
 * Four connections send the query at the cost budget back to back while a cheap read (account by
 * id) arrives at a steady CHEAP_RATE; both answers are checked. The server must stay responsive.
 */
async function heavyCase(port, token, cheapRequest, cheapExpected, pid) {
  const heavyRequest = {
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: HEAVY_QUERY }),
  };
  const sample = JSON.parse(await send(heavyRequest));
  const rows = sample.data.projects.edges.reduce((sum, edge) => sum + edge.node.statusUpdates.edges.length, 0);
  const cost = 1 + 100 * (2 + 97);
  process.stdout.write(
    `cost budget: 4 connections of a ${cost}-point query (${rows} status updates each) for ${heavySeconds} s, and account by id at ${CHEAP_RATE} req/s ... `,
  );
  const latencies = { heavy: [], cheap: [] };
  const run = (request, options, into, duration = heavySeconds) =>
    new Promise((resolve, reject) => {
      const instance = autocannon(
        { ...request, duration, timeout: 30, renderProgressBar: false, ...options },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (_client, status, _bytes, responseTime) =>
        into.push(status === 200 ? responseTime : NaN),
      );
    });
  // Warm-up as in the other cases: the first runs of a new path include compiling it.
  if (warmup > 0) await run(heavyRequest, { connections: 4 }, [], warmup);
  await settle(pid);
  const [heavyResult, cheapResult] = await Promise.all([
    run(heavyRequest, { connections: 4 }, latencies.heavy),
    run(cheapRequest, { connections: 4, overallRate: CHEAP_RATE, expectBody: cheapExpected }, latencies.cheap),
  ]);
  const stats = (values) => {
    const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
    return {
      total: values.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
    };
  };
  const failed = (result, values) =>
    result.errors +
    result.timeouts +
    result.non2xx +
    (result.mismatches ?? 0) +
    values.filter((v) => !Number.isFinite(v)).length;
  let alive = true;
  try {
    await send(cheapRequest);
  } catch {
    alive = false;
  }
  await settle(pid);
  const summary = {
    cost,
    heavy: stats(latencies.heavy),
    cheap: stats(latencies.cheap),
    peakRssMb: memoryOf(pid).peakRssMb,
    alive,
  };
  summary.failures = failed(heavyResult, latencies.heavy) + failed(cheapResult, latencies.cheap) + (alive ? 0 : 1);
  console.log(`cheap read p99 ${fmt(summary.cheap.p99, 1)} ms`);
  return summary;
}

function fmt(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

try {
  await main();
} catch (error) {
  console.error(error instanceof BenchError ? `bench: ${error.message}` : error);
  await cleanup();
  process.exit(1);
}
