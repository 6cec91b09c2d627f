// The BI section of `pnpm bench`: dashboard aggregates on the large seed (`pnpm db:seed --scale large`),
// the server's analytics fields against the same GROUP BY written by hand and run on the driver.
//   1. The large portfolio in a database of its own (MariaDB `ag_bench_bi`, or a SQLite file in the
//      temp folder), kept between runs: loaded by the server's own CLI only when its counts are not
//      the large seed's (or BENCH_BI_RELOAD=1), since loading takes a minute or more.
//   2. The real server on it (as the other cases), asked as the ADMIN (who sees every account):
//        B1  analytics { revenueSeries(granularity: MONTH, from, to, measure: INVOICED) }, from three
//            years before the newest invoice to it
//        B2  analytics { receivablesAging(groupBy: ACCOUNT) }
//      and the raw query for each (mysql2 / better-sqlite3 in this process, no HTTP, no ORM), its
//      answer compared with the server's row by row.
//   3. Requests one at a time, the two sides alternating after a warm-up; p50 of each. A dashboard
//      asks for one table at a time, so latency is what matters here, not throughput.
//   4. B3: GET /export/invoices.csv of all 100,000 invoices against a hand-written streaming export
//      (scripts/bench/export.mjs): rows per second of each, and the server's RSS while it exports.
//
//   BENCH_BI_DATABASE      MariaDB database name for the large seed (default ag_bench_bi; kept)
//   BENCH_BI_SQLITE        SQLite file for it (default <temp>/ag-bench-bi/large.sqlite; kept)
//   BENCH_BI_RELOAD=1      load the large seed again even if the counts match
//   BENCH_BI_ITERATIONS    measured requests per case and side (default 25)
//   BENCH_BI_EXPORT_RUNS   measured exports per side in B3 (default 5)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openBenchDatabase } from './db.mjs';
import { exportCase } from './export.mjs';

/** The large seed's counts (LARGE_SEED in packages/server/src/db/seed/large-seed.ts). */
export const LARGE_COUNTS = {
  account: 2_000,
  contract: 10_000,
  invoice: 100_000,
  invoice_line: 1_000_000,
  client_issue: 16_000,
  project: 500,
  status_update: 25_000,
};

const INVOICED = ['APPROVED', 'SENT', 'PARTIALLY_PAID', 'PAID'];
const PAYABLE = ['SENT', 'PARTIALLY_PAID'];
const WARMUP = 3;

const REVENUE_QUERY = `query RevenueSeries($from: LocalDate!, $to: LocalDate!) {
  analytics { revenueSeries(granularity: MONTH, from: $from, to: $to, measure: INVOICED) {
    periodStart currency amount { amountCents } count
  } }
}`;
const AGING_QUERY = `query ReceivablesAging {
  analytics { receivablesAging(groupBy: ACCOUNT) {
    groupKey groupLabel currency
    current { amountCents } days1To30 { amountCents } days31To60 { amountCents } days61To90 { amountCents }
    over90Days { amountCents } total { amountCents } invoiceCount
  } }
}`;

/** 'YYYY-MM-DD' plus `days`. */
function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `years` earlier (29 February becomes 28 February). */
function yearsBefore(date, years) {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${y - years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The raw side: the statements a developer would write for these two tables, on the driver with
 * the server's connection settings. Each returns plain rows, already in the shape compared.
 */
function rawQueries(dialect) {
  const list = (values) => values.map((v) => `'${v}'`).join(', ');
  const month = dialect === 'mysql' ? "DATE_FORMAT(issueDate, '%Y-%m-01')" : "strftime('%Y-%m-01', issueDate)";
  const revenue = `SELECT ${month} AS bucket, currency, SUM(totalCents) AS amount, COUNT(*) AS n
    FROM invoice WHERE status IN (${list(INVOICED)}) AND issueDate >= ? AND issueDate <= ?
    GROUP BY bucket, currency`;
  const balance = '(i.totalCents - i.paidCents)';
  const aging = `SELECT i.accountId AS accountId, a.name AS name, i.currency AS currency,
      SUM(CASE WHEN i.dueDate >= ? THEN ${balance} ELSE 0 END) AS notDue,
      SUM(CASE WHEN i.dueDate < ? AND i.dueDate >= ? THEN ${balance} ELSE 0 END) AS d30,
      SUM(CASE WHEN i.dueDate < ? AND i.dueDate >= ? THEN ${balance} ELSE 0 END) AS d60,
      SUM(CASE WHEN i.dueDate < ? AND i.dueDate >= ? THEN ${balance} ELSE 0 END) AS d90,
      SUM(CASE WHEN i.dueDate < ? THEN ${balance} ELSE 0 END) AS over90,
      SUM(${balance}) AS total, COUNT(*) AS n
    FROM invoice i JOIN account a ON a.id = i.accountId
    WHERE i.status IN (${list(PAYABLE)}) AND i.paidCents < i.totalCents
    GROUP BY i.accountId, a.name, i.currency`;
  // Days past due: 1-30 is due from today-30 to today-1, and so on; over 90 is due before today-90.
  const agingParams = (today) => [
    today,
    today,
    addDays(today, -30),
    addDays(today, -30),
    addDays(today, -60),
    addDays(today, -60),
    addDays(today, -90),
    addDays(today, -90),
  ];
  return { revenue, aging, agingParams };
}

/** A driver connection configured as the server's (dates as strings, big numbers exact). */
async function openRaw(url, requireServer) {
  if (url.startsWith('sqlite:')) {
    const Database = requireServer('better-sqlite3');
    const sqlite = new Database(url.slice('sqlite:'.length), { readonly: true });
    const statements = new Map();
    return {
      dialect: 'sqlite',
      all: async (sql, params = []) => {
        let statement = statements.get(sql);
        if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
        return statement.all(...params);
      },
      close: async () => sqlite.close(),
    };
  }
  const mysql = requireServer('mysql2/promise');
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: 2,
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'UTF8MB4_UNICODE_CI',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
    trace: false,
  });
  return {
    dialect: 'mysql',
    all: async (sql, params = []) => (await pool.query(sql, params))[0],
    close: () => pool.end(),
  };
}

/** Row counts of the large seed's tables, or null when the database has no such tables yet. */
async function countsOf(url) {
  let db;
  try {
    db = await openBenchDatabase(url);
    const counts = {};
    for (const table of Object.keys(LARGE_COUNTS))
      counts[table] = Number((await db.all(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return counts;
  } catch {
    return null;
  } finally {
    await db?.close().catch(() => {});
  }
}

/** Runs the BI section; returns its metrics and a table of its rows for the report. */
export async function biSection(kit) {
  const { dialect, requireServer, startGraphQL, runServerCli, env, fail, fmt, percentile, cleanups } = kit;
  const iterations = kit.positiveInt('BENCH_BI_ITERATIONS', 25);
  const exportRuns = kit.positiveInt('BENCH_BI_EXPORT_RUNS', 5);
  const reload = ['1', 'true', 'yes'].includes(String(process.env.BENCH_BI_RELOAD ?? '').toLowerCase());

  // 1. The large portfolio, reused when it is there already.
  let url;
  let drop;
  if (dialect === 'sqlite') {
    const path = process.env.BENCH_BI_SQLITE || join(tmpdir(), 'ag-bench-bi', 'large.sqlite');
    mkdirSync(dirname(path), { recursive: true });
    url = `sqlite:${path}`;
    drop = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    };
  } else {
    const name = process.env.BENCH_BI_DATABASE ?? 'ag_bench_bi';
    if (!/^\w{1,64}$/.test(name)) fail('BENCH_BI_DATABASE must be letters, digits and _');
    const server = kit.mariadbServerUrl();
    const mysql = requireServer('mysql2/promise');
    drop = async () => {
      const connection = await mysql.createConnection({ uri: server.toString(), connectTimeout: 3000 });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    };
    const target = new URL(server);
    target.pathname = `/${name}`;
    url = target.toString();
  }
  const counts = dialect === 'sqlite' && !existsSync(url.slice('sqlite:'.length)) ? null : await countsOf(url);
  const matches = counts && Object.entries(LARGE_COUNTS).every(([table, n]) => counts[table] === n);
  let loadSeconds = null;
  if (matches && !reload) {
    console.log(`\nBI: the large seed is loaded already (${url.replace(/\/\/[^@/]*@/, '//')}); reusing it`);
  } else {
    console.log(
      `\nBI: loading the large seed into ${url.replace(/\/\/[^@/]*@/, '//')} (${reload ? 'BENCH_BI_RELOAD' : counts ? 'its counts differ' : 'none there yet'}) ...`,
    );
    await drop();
    const started = Date.now();
    await runServerCli(['seed', '--scale', 'large'], { ...env, DATABASE_URL: url });
    loadSeconds = (Date.now() - started) / 1000;
    const loaded = await countsOf(url);
    const wrong = Object.entries(LARGE_COUNTS).filter(([table, n]) => loaded?.[table] !== n);
    if (wrong.length)
      fail(`after loading, ${wrong.map(([t, n]) => `${t} has ${loaded?.[t]} rows, not ${n}`).join('; ')}`);
  }

  // 2. The server on it, and the raw connection.
  const server = startGraphQL('serve', { ...env, DATABASE_URL: url });
  const ready = await server.ready;
  const raw = await openRaw(url, requireServer);
  cleanups.push(() => raw.close());
  const graphqlUrl = `http://127.0.0.1:${ready.port}/graphql`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${ready.adminToken}` };
  const ask = async (query, variables) => {
    const response = await fetch(graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    if (response.status !== 200) fail(`BI: the server answered ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text);
    if (body.errors) fail(`BI: the server answered errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return body.data.analytics;
  };
  const sql = rawQueries(raw.dialect);
  const [{ newest }] = await raw.all('SELECT MAX(issueDate) AS newest FROM invoice');
  const to = String(newest);
  const from = yearsBefore(to, 3);
  const today = new Date().toISOString().slice(0, 10);

  const cases = [
    {
      key: 'revenueSeries',
      title: `B1 revenueSeries MONTH ${from}..${to}`,
      server: async () => (await ask(REVENUE_QUERY, { from, to })).revenueSeries,
      raw: () => raw.all(sql.revenue, [from, to]),
      // Rows with something in them, as the raw query has them; the server adds the empty periods.
      compare(serverRows, rawRows) {
        const key = (r) => `${r.bucket}|${r.currency}|${r.amount}|${r.n}`;
        const fromServer = serverRows
          .filter((r) => r.count > 0)
          .map((r) => key({ bucket: r.periodStart, currency: r.currency, amount: r.amount.amountCents, n: r.count }))
          .sort();
        const fromRaw = rawRows.map((r) => key({ ...r, amount: Number(r.amount), n: Number(r.n) })).sort();
        const currencies = new Set(serverRows.map((r) => r.currency));
        const months = new Set(serverRows.map((r) => r.periodStart));
        if (serverRows.length !== currencies.size * months.size)
          return `${serverRows.length} rows is not one per month (${months.size}) and currency (${currencies.size})`;
        return sameRows(fromServer, fromRaw);
      },
    },
    {
      key: 'receivablesAging',
      title: 'B2 receivablesAging by ACCOUNT',
      server: async () => (await ask(AGING_QUERY)).receivablesAging,
      raw: () => raw.all(sql.aging, sql.agingParams(today)),
      compare(serverRows, rawRows) {
        const key = (r) => [r.id, r.name, r.currency, r.notDue, r.d30, r.d60, r.d90, r.over90, r.total, r.n].join('|');
        const fromServer = serverRows
          .map((r) =>
            key({
              id: Number(Buffer.from(r.groupKey, 'base64').toString('utf8').split(':')[1]),
              name: r.groupLabel,
              currency: r.currency,
              notDue: r.current.amountCents,
              d30: r.days1To30.amountCents,
              d60: r.days31To60.amountCents,
              d90: r.days61To90.amountCents,
              over90: r.over90Days.amountCents,
              total: r.total.amountCents,
              n: r.invoiceCount,
            }),
          )
          .sort();
        const fromRaw = rawRows
          .map((r) =>
            key({
              id: Number(r.accountId),
              name: r.name,
              currency: r.currency,
              notDue: Number(r.notDue),
              d30: Number(r.d30),
              d60: Number(r.d60),
              d90: Number(r.d90),
              over90: Number(r.over90),
              total: Number(r.total),
              n: Number(r.n),
            }),
          )
          .sort();
        return sameRows(fromServer, fromRaw);
      },
    },
  ];

  // 3. Answers first, then latency: one request at a time, the sides alternating.
  const results = {};
  for (const bench of cases) {
    const [serverRows, rawRows] = [await bench.server(), await bench.raw()];
    const difference = bench.compare(serverRows, rawRows);
    if (difference) fail(`${bench.title}: the server's answer differs from the raw query's: ${difference}`);
    process.stdout.write(
      `${bench.title}: ${serverRows.length} rows (raw ${rawRows.length}); ${WARMUP} warm-up and ${iterations} measured requests per side, alternating ... `,
    );
    const times = { graphql: [], raw: [] };
    const time = async (side, into) => {
      const started = process.hrtime.bigint();
      if (side === 'graphql') await bench.server();
      else await bench.raw();
      into?.push(Number(process.hrtime.bigint() - started) / 1e6);
    };
    for (let i = 0; i < WARMUP; i++) for (const side of ['graphql', 'raw']) await time(side);
    for (let i = 0; i < iterations; i++)
      for (const side of i % 2 === 0 ? ['graphql', 'raw'] : ['raw', 'graphql']) await time(side, times[side]);
    const stats = (values) => {
      const sorted = Float64Array.from(values).sort();
      return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), n: sorted.length };
    };
    results[bench.key] = {
      title: bench.title,
      rows: serverRows.length,
      graphql: stats(times.graphql),
      raw: stats(times.raw),
    };
    console.log(
      `p50 GraphQL ${fmt(results[bench.key].graphql.p50, 1)} ms, raw ${fmt(results[bench.key].raw.p50, 1)} ms`,
    );
  }

  // 4. The CSV export, checked against the database's own count and sum.
  const [truth] = await raw.all('SELECT COUNT(*) AS n, SUM(totalCents) AS total FROM invoice');
  const exported = await exportCase({
    url,
    dialect: raw.dialect,
    requireServer,
    port: ready.port,
    token: ready.adminToken,
    serverPid: server.child.pid,
    truth: { count: Number(truth.n), totalCents: String(truth.total) },
    runs: exportRuns,
    fail,
    fmt,
  });
  await server.stop();

  const rows = [['case', 'side', 'p50 ms', 'p90 ms', 'requests', 'rows', 'GraphQL/raw p50']];
  for (const result of Object.values(results)) {
    const ratio = result.graphql.p50 / result.raw.p50;
    rows.push([
      result.title,
      'GraphQL',
      fmt(result.graphql.p50, 1),
      fmt(result.graphql.p90, 1),
      String(result.graphql.n),
      String(result.rows),
      fmt(ratio, 2),
    ]);
    rows.push(['', 'raw SQL', fmt(result.raw.p50, 1), fmt(result.raw.p90, 1), String(result.raw.n), '', '']);
  }
  const exportRows = [
    ['case', 'side', 'rows/s (median)', 'exports', 'rows', 'server/raw rows/s', 'server RSS before', 'peak RSS MB'],
    [
      exported.title,
      'HTTP',
      fmt(exported.serverRowsPerSec, 0),
      String(exported.runs),
      String(exported.rows),
      fmt(exported.serverRowsPerSec / exported.rawRowsPerSec, 2),
      fmt(exported.rssBeforeMb, 0),
      fmt(exported.peakRssMb, 0),
    ],
    ['', 'raw SQL', fmt(exported.rawRowsPerSec, 0), String(exported.runs), '', '', '', ''],
  ];
  return {
    rows,
    exportRows,
    loadSeconds,
    metrics: {
      'bi.revenueSeriesP50Ratio': results.revenueSeries.graphql.p50 / results.revenueSeries.raw.p50,
      'bi.receivablesAgingP50Ratio': results.receivablesAging.graphql.p50 / results.receivablesAging.raw.p50,
      'bi.exportRowsPerSecRatio': exported.serverRowsPerSec / exported.rawRowsPerSec,
      'bi.exportPeakRssMb': exported.peakRssMb,
    },
  };
}

/** Null when both sorted lists are equal, else where they first differ. */
function sameRows(a, b) {
  if (a.length !== b.length) return `${a.length} rows against ${b.length}`;
  const at = a.findIndex((row, i) => row !== b[i]);
  return at < 0 ? null : `row ${at}: server ${a[at]}, raw ${b[at]}`;
}
