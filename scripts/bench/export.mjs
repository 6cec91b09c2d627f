// B3 of the BI section (scripts/bench/bi.mjs): `GET /export/invoices.csv` of every invoice on the
// large seed, as the ADMIN over HTTP, against a hand-written export in the bench process: one
// streaming statement of the same columns on the driver (mysql2 `query().stream()`, better-sqlite3
// `iterate()`), each row formatted as a BI tool gets it (global ids, ISO 8601 datetimes, RFC 4180
// quoting) and written to a sink. Rows per second of each side, and the server's resident set,
// read every 50 ms while it exports.
//
// Checked before anything is timed: the server's file parsed back has the database's row count and
// sum of totalCents, and it is byte for byte the file the hand-written export writes.
//
//   BENCH_BI_EXPORT_RUNS   measured exports per side (default 5; one more each, unmeasured, checks them)
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Writable } from 'node:stream';

const RSS_SAMPLE_MS = 50;

const COLUMNS = [
  'id',
  'number',
  'status',
  'accountId',
  'contractId',
  'issueDate',
  'dueDate',
  'currency',
  'totalCents',
  'paidCents',
  'balanceDueCents',
  'sentAt',
  'createdAt',
  'updatedAt',
];

/** The statement a developer would write for the export: every column in one SELECT, in id order. */
function exportSql() {
  const payable = "i.status IN ('SENT', 'PARTIALLY_PAID') AND i.paidCents < i.totalCents";
  return `SELECT i.id, i.number, i.status, i.accountId, i.contractId, i.issueDate, i.dueDate, i.currency,
      i.totalCents, i.paidCents, CASE WHEN ${payable} THEN i.totalCents - i.paidCents ELSE 0 END AS balanceDueCents,
      i.sentAt, i.createdAt, i.updatedAt
    FROM invoice i ORDER BY i.id`;
}

/** The hand-written formatting: what each row costs a careful exporter, no more. */
function rowFormatter(dialect) {
  const globalId = (type, id) => (id === null ? '' : Buffer.from(`${type}:${id}`).toString('base64'));
  const text = (value) => {
    if (value === null) return '';
    const s = String(value);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // mysql2 hands DATETIME over as a Date (timezone 'Z'); SQLite keeps 'YYYY-MM-DD HH:MM:SS.SSS' text in UTC.
  const iso =
    dialect === 'mysql'
      ? (value) => (value === null ? '' : value.toISOString())
      : (value) => (value === null ? '' : new Date(`${value.replace(' ', 'T')}Z`).toISOString());
  const number = (value) => (value === null ? '' : String(value));
  return (r) =>
    `${globalId('Invoice', r.id)},${text(r.number)},${text(r.status)},${globalId('Account', r.accountId)},` +
    `${globalId('Contract', r.contractId)},${text(r.issueDate)},${text(r.dueDate)},${text(r.currency)},` +
    `${number(r.totalCents)},${number(r.paidCents)},${number(r.balanceDueCents)},` +
    `${iso(r.sentAt)},${iso(r.createdAt)},${iso(r.updatedAt)}\r\n`;
}

/** A sink that takes every byte (hashing them when asked) and keeps none, as a socket to a fast reader would. */
function sink(hash) {
  let bytes = 0;
  const stream = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk, _encoding, done) {
      bytes += chunk.length;
      hash?.update(chunk);
      done();
    },
  });
  return { stream, bytes: () => bytes };
}

/** Lines of text are buffered into chunks of about this size before each write, as a stream's writer would. */
const CHUNK_CHARS = 64 * 1024;

/** The hand-written export on the driver; resolves to { rows, bytes, text? } once the sink has every byte. */
function rawExporter(url, dialect, requireServer) {
  const sql = exportSql();
  const formatRow = rowFormatter(dialect);
  const header = `${COLUMNS.join(',')}\r\n`;
  if (dialect === 'sqlite') {
    const Database = requireServer('better-sqlite3');
    const sqlite = new Database(url.slice('sqlite:'.length), { readonly: true });
    const statement = sqlite.prepare(sql);
    return {
      async run({ keep = false } = {}) {
        const hash = keep ? createHash('sha256') : null;
        const out = sink(hash);
        const kept = [];
        let chunk = header;
        let rows = 0;
        for (const row of statement.iterate()) {
          chunk += formatRow(row);
          rows++;
          if (chunk.length >= CHUNK_CHARS) {
            if (keep) kept.push(chunk);
            if (!out.stream.write(chunk)) await once(out.stream, 'drain');
            chunk = '';
          }
        }
        if (keep) kept.push(chunk);
        out.stream.end(chunk);
        await once(out.stream, 'finish');
        return { rows, bytes: out.bytes(), sha256: hash?.digest('hex'), text: keep ? kept.join('') : undefined };
      },
      close: async () => sqlite.close(),
    };
  }
  const mysql = requireServer('mysql2');
  // The server's connection settings (packages/server/src/db/data-source.ts).
  const connection = mysql.createConnection({
    uri: url,
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'UTF8MB4_UNICODE_CI',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
  });
  return {
    run({ keep = false } = {}) {
      return new Promise((resolve, reject) => {
        const hash = keep ? createHash('sha256') : null;
        const out = sink(hash);
        const kept = [];
        let chunk = header;
        let rows = 0;
        const rowsStream = connection.query(sql).stream({ highWaterMark: 1000 });
        rowsStream.on('error', reject);
        rowsStream.on('data', (row) => {
          chunk += formatRow(row);
          rows++;
          if (chunk.length < CHUNK_CHARS) return;
          if (keep) kept.push(chunk);
          if (!out.stream.write(chunk)) {
            rowsStream.pause();
            out.stream.once('drain', () => rowsStream.resume());
          }
          chunk = '';
        });
        rowsStream.on('end', () => {
          if (keep) kept.push(chunk);
          out.stream.end(chunk, () =>
            resolve({ rows, bytes: out.bytes(), sha256: hash?.digest('hex'), text: keep ? kept.join('') : undefined }),
          );
        });
      });
    },
    close: () => new Promise((resolve) => connection.end(() => resolve())),
  };
}

/** The server's resident set (VmRSS), in MB. */
function rssMb(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Downloads the export, reading the body as a stream: counts its lines (and keeps its text, to be
 * checked, when asked), sampling the server's RSS every 50 ms meanwhile.
 */
async function download(url, token, serverPid, { keep = false } = {}) {
  let peakRssMb = rssMb(serverPid);
  const sampler = setInterval(() => {
    const rss = rssMb(serverPid);
    if (rss > peakRssMb || !Number.isFinite(peakRssMb)) peakRssMb = rss;
  }, RSS_SAMPLE_MS);
  try {
    // A connection of its own, as a BI tool's download has: no kept-alive socket that the server may
    // be closing just as the next export starts.
    const response = await new Promise((resolve, reject) =>
      http.get(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject),
    );
    if (response.statusCode !== 200) {
      let text = '';
      for await (const part of response) text += part;
      throw new Error(`answered ${response.statusCode}: ${text.slice(0, 300)}`);
    }
    const hash = keep ? createHash('sha256') : null;
    const kept = [];
    let lines = 0;
    let bytes = 0;
    for await (const buffer of response) {
      bytes += buffer.length;
      for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
      if (keep) {
        hash.update(buffer);
        kept.push(Buffer.from(buffer));
      }
    }
    return {
      rows: lines - 1, // the header
      bytes,
      sha256: hash?.digest('hex'),
      text: keep ? Buffer.concat(kept).toString('utf8') : undefined,
      peakRssMb: Math.max(peakRssMb, rssMb(serverPid)),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** RFC 4180 records, as a spreadsheet reads them. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** The first line where two files differ, for the failure message. */
function firstDifference(a, b) {
  const left = a.split('\r\n');
  const right = b.split('\r\n');
  const at = left.findIndex((line, i) => line !== right[i]);
  if (at < 0) return `${left.length} lines against ${right.length}`;
  return `line ${at + 1}: server ${JSON.stringify(left[at])}, hand-written ${JSON.stringify(right[at])}`;
}

/**
 * Runs B3 against a running server. `truth` is the database's { count, totalCents } of invoices,
 * read by the caller with its own statement. Returns rows per second of both sides and the peak RSS.
 */
export async function exportCase({ url, dialect, requireServer, port, token, serverPid, truth, runs, fail, fmt }) {
  const exportUrl = `http://127.0.0.1:${port}/export/invoices.csv`;
  const raw = rawExporter(url, dialect, requireServer);
  try {
    // 1. Checked: the server's file against the database, and against the hand-written file.
    const rssBeforeMb = rssMb(serverPid);
    const served = await download(exportUrl, token, serverPid, { keep: true }).catch((error) =>
      fail(`B3 export: the server ${error.message}`),
    );
    const written = await raw.run({ keep: true });
    const [header, ...records] = parseCsv(served.text);
    if (header.join(',') !== COLUMNS.join(','))
      fail(`B3 export: the server's header is ${header.join(',')}, not ${COLUMNS.join(',')}`);
    const totalAt = COLUMNS.indexOf('totalCents');
    const sum = records.reduce((total, record) => total + BigInt(record[totalAt]), 0n);
    if (records.length !== truth.count || served.rows !== truth.count)
      fail(
        `B3 export: the server's file has ${records.length} records (${served.rows} lines), the database ${truth.count}`,
      );
    if (sum !== BigInt(truth.totalCents))
      fail(`B3 export: the server's totalCents add up to ${sum}, the database's to ${truth.totalCents}`);
    if (written.rows !== truth.count) fail(`B3 export: the hand-written export wrote ${written.rows} rows`);
    if (served.sha256 !== written.sha256)
      fail(
        `B3 export: the server's file differs from the hand-written one at ${firstDifference(served.text, written.text)}`,
      );
    process.stdout.write(
      `B3 CSV export of all ${fmt(truth.count, 0)} invoices: ${fmt(served.bytes / 1024 / 1024, 1)} MB, row count and ` +
        `totalCents sum as the database's, same bytes as the hand-written export; ${runs} measured per side, alternating ... `,
    );

    // 2. Timed, the sides alternating; every download's row count checked again.
    const rates = { server: [], raw: [] };
    let peakRssMb = served.peakRssMb;
    const time = async (side) => {
      const started = process.hrtime.bigint();
      const result = side === 'server' ? await download(exportUrl, token, serverPid) : await raw.run();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.rows !== truth.count) fail(`B3 export: a ${side} export had ${result.rows} rows, not ${truth.count}`);
      if (side === 'server') peakRssMb = Math.max(peakRssMb, result.peakRssMb);
      rates[side].push(result.rows / seconds);
    };
    for (let i = 0; i < runs; i++)
      for (const side of i % 2 === 0 ? ['server', 'raw'] : ['raw', 'server']) await time(side);
    const median = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    const result = {
      title: `B3 CSV export, ${fmt(truth.count, 0)} invoices`,
      rows: truth.count,
      serverRowsPerSec: median(rates.server),
      rawRowsPerSec: median(rates.raw),
      runs,
      rssBeforeMb,
      peakRssMb,
    };
    console.log(
      `median ${fmt(result.serverRowsPerSec, 0)} rows/s over HTTP, hand-written ${fmt(result.rawRowsPerSec, 0)} rows/s; ` +
        `server RSS ${fmt(rssBeforeMb, 0)} MB before, ${fmt(peakRssMb, 0)} MB at most`,
    );
    return result;
  } finally {
    await raw.close();
  }
}
