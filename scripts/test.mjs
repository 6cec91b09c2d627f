#!/usr/bin/env node
// The README's test command. Runs every test on the embedded SQLite database, then the end-to-end
// tests again on MariaDB when one answers, and prints one closing line for both runs.
//   TEST_REQUIRE_MARIADB=1  fail when MariaDB does not answer (CI sets it)
//   TEST_REQUIRE_BROWSER=1  fail when Chromium is missing for the playground test (CI sets it)
//   TEST_REQUIRE_REDIS=1    fail when Redis does not answer for the shared rate-limit test (CI sets it)
//   TEST_MARIADB_URL        server to use (default mysql://root@127.0.0.1:3306)
//   TEST_REDIS_URL          Redis to use (default redis://127.0.0.1:6379)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'packages/server');
const mariadbUrl = new URL(process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = (name) => ['1', 'true', 'yes'].includes(String(process.env[name] ?? '').toLowerCase());

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const outputDir = mkdtempSync(join(tmpdir(), 'account-graph-jest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

function jest(label, env, args) {
  console.log(`\n=== ${label} ===`);
  const outputFile = join(outputDir, `${label.replace(/\W+/g, '-')}.json`);
  const result = spawnSync('pnpm', ['exec', 'jest', '--json', `--outputFile=${outputFile}`, ...args], {
    cwd: serverDir,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) failedRuns++;
  }
  if (result.status !== 0) failedRuns++;
}

// Patterns of test files left out of a run (jest's --testPathIgnorePatterns).
const browserExcluded = [];
if (!existsSync(chromium)) {
  if (required('TEST_REQUIRE_BROWSER')) {
    console.error(`Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.warn(
    `NOTE: Chromium not found at ${chromium}; the browser tests (playground, CORS) are left out of this run (apt-get install chromium to include them).`,
  );
  browserExcluded.push('playground\\.e2e\\.ts$', 'cors-browser\\.e2e\\.ts$');
}

// Tests that need no particular database run once, in the run that has what they need: the outage
// test starts a MariaDB server of its own (MariaDB run), the Redis test shares one (SQLite run).
const redisUp = await answers(redisUrl.hostname, Number(redisUrl.port || 6379));
const sqliteExcluded = ['outage\\.e2e\\.ts$'];
if (!redisUp) {
  if (required('TEST_REQUIRE_REDIS')) {
    console.error(
      `Redis does not answer at ${redisUrl.host}; the shared rate-limit test is required (TEST_REQUIRE_REDIS).`,
    );
    process.exit(1);
  }
  console.warn(`NOTE: Redis does not answer at ${redisUrl.host}; the shared rate-limit test is left out of this run.`);
  sqliteExcluded.push('rate-limit-redis\\.e2e\\.ts$');
}
const ignore = (patterns) => (patterns.length ? ['--testPathIgnorePatterns', ...patterns] : []);

jest('SQLite: unit and end-to-end tests', { TEST_DB: 'sqlite' }, ignore([...browserExcluded, ...sqliteExcluded]));

const mariadbUp = await answers(mariadbUrl.hostname, Number(mariadbUrl.port || 3306));
if (mariadbUp) {
  // The CLI tests run their own SQLite files; everything else in test/ runs again on MariaDB.
  const ignored = ['cli\\.e2e\\.ts$', 'rate-limit-redis\\.e2e\\.ts$', ...browserExcluded];
  jest('MariaDB: end-to-end tests', { TEST_DB: 'mariadb' }, ['--testPathPatterns', 'test/', ...ignore(ignored)]);
} else if (required('TEST_REQUIRE_MARIADB')) {
  console.error(`MariaDB does not answer at ${mariadbUrl.host}; the MariaDB run is required (TEST_REQUIRE_MARIADB).`);
  failedRuns++;
} else {
  console.warn(`NOTE: MariaDB does not answer at ${mariadbUrl.host}; the MariaDB run was left out (CI requires it).`);
}

rmSync(outputDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
