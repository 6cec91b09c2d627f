#!/usr/bin/env node
/**
 * `pnpm test:sdk-consumer`: the SDK as another team gets it. Packs packages/sdk with `pnpm pack`,
 * installs the tarball with npm into a temporary app outside the workspace (a normal dependency:
 * copied, with its own dependencies from the registry, no link into this repository), compiles
 * scripts/sdk-consumer/scenario.ts there under the strictest settings as ES modules and as CommonJS
 * (skipLibCheck off, so the SDK's declarations are checked too), then runs both builds against a
 * live server started from this repository on a temporary SQLite database.
 * Prints "N passed, 0 failed" and exits 0 when every step passed.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SDK_DIR = path.join(ROOT, 'packages/sdk');
const SERVER_DIR = path.join(ROOT, 'packages/server');
const SDK_PACKAGE = JSON.parse(fs.readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'account-graph-consumer-'));
const keep = process.env.KEEP_CONSUMER_APP === '1';

/** The strictest settings a team may use; module and verbatimModuleSyntax differ per flavour. */
const STRICTEST = {
  target: 'ES2022',
  lib: ['ES2023'],
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  skipLibCheck: false,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  rootDir: 'src',
  outDir: 'dist',
};

const FLAVOURS = [
  {
    name: 'esm',
    type: 'module',
    verbatimModuleSyntax: true,
    main: "import { main } from './scenario.js';\nawait main('esm');\n",
  },
  {
    name: 'cjs',
    type: 'commonjs',
    verbatimModuleSyntax: false,
    main: "import { main } from './scenario';\nmain('cjs').catch((error: unknown) => {\n  console.error(error);\n  process.exit(1);\n});\n",
  },
];

let passed = 0;
let failed = 0;
async function step(name, run) {
  const started = Date.now();
  try {
    await run();
    passed += 1;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.error(
      `not ok - ${name}\n${error instanceof Error ? error.stderr?.toString() || error.stdout?.toString() || error.stack : error}`,
    );
    throw error;
  }
}

const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, output) {
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer at ${url}:\n${output.join('')}`);
}

let server;
try {
  let tarball = '';
  await step('pnpm pack builds and packs the SDK', () => {
    const packDir = path.join(work, 'pack');
    fs.mkdirSync(packDir);
    run('pnpm', ['pack', '--pack-destination', packDir], { cwd: SDK_DIR });
    const [file] = fs.readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
    if (!file) throw new Error('pnpm pack wrote no tarball');
    tarball = path.join(packDir, file);
    const listing = run('tar', ['-tzf', tarball]);
    for (const expected of [
      'package/dist/esm/index.js',
      'package/dist/esm/index.d.ts',
      'package/dist/cjs/index.js',
      'package/dist/cjs/index.d.ts',
    ]) {
      if (!listing.includes(expected)) throw new Error(`the tarball lacks ${expected}`);
    }
    if (/package\/src\//.test(listing)) throw new Error('the tarball ships src/');
  });

  const app = path.join(work, 'app');
  await step('npm installs the tarball as a normal dependency outside the workspace', () => {
    fs.mkdirSync(app);
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true }, null, 2),
    );
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--save-exact',
        tarball,
        `typescript@${SDK_PACKAGE.devDependencies.typescript}`,
        `@types/node@${SDK_PACKAGE.devDependencies['@types/node']}`,
      ],
      { cwd: app },
    );
    const installed = path.join(app, 'node_modules/@account-graph/sdk');
    if (fs.lstatSync(installed).isSymbolicLink()) throw new Error('npm linked the SDK instead of installing it');
    const recorded = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).dependencies[
      '@account-graph/sdk'
    ];
    if (!String(recorded).startsWith('file:') || !String(recorded).endsWith('.tgz')) {
      throw new Error(`package.json records the SDK as ${recorded}, not the tarball`);
    }
    // A later plain `npm install` must keep it a copy (it turned into a symlink to the repository before).
    run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app });
    if (fs.lstatSync(installed).isSymbolicLink()) throw new Error('a second npm install turned the SDK into a link');
    if (!fs.existsSync(path.join(app, 'node_modules/graphql/package.json'))) {
      throw new Error("the SDK's dependencies were not installed in the app");
    }
  });

  for (const flavour of FLAVOURS) {
    await step(
      `tsc compiles the scenario as ${flavour.name === 'esm' ? 'ES modules' : 'CommonJS'} under the strictest settings`,
      () => {
        const dir = path.join(app, flavour.name);
        fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: flavour.type }, null, 2));
        fs.writeFileSync(
          path.join(dir, 'tsconfig.json'),
          JSON.stringify(
            { compilerOptions: { ...STRICTEST, verbatimModuleSyntax: flavour.verbatimModuleSyntax }, include: ['src'] },
            null,
            2,
          ),
        );
        fs.copyFileSync(path.join(ROOT, 'scripts/sdk-consumer/scenario.ts'), path.join(dir, 'src/scenario.ts'));
        fs.writeFileSync(path.join(dir, 'src/main.ts'), flavour.main);
        run(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
        const emitted = fs.readFileSync(path.join(dir, 'dist/scenario.js'), 'utf8');
        const isEsm = /^import /m.test(emitted);
        if (isEsm !== (flavour.type === 'module')) throw new Error(`dist/scenario.js is not ${flavour.name}`);
      },
    );
  }

  const env = { ...process.env };
  await step('a live server starts from this repository on a temporary SQLite database', async () => {
    const port = await freePort();
    Object.assign(env, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${path.join(work, 'consumer.sqlite')}`,
      AUTH_JWT_SECRET: 'consumer-test-secret-of-at-least-32-characters',
      SEED_DEMO: 'true',
    });
    delete env.REDIS_URL;
    // The token command seeds the empty database first, as the server would.
    env.ACCOUNT_GRAPH_TOKEN = run('pnpm', ['--silent', 'run', 'token', '--role', 'ACCOUNT_MANAGER'], {
      cwd: ROOT,
      env,
    }).trim();
    if (!env.ACCOUNT_GRAPH_TOKEN) throw new Error('no token');
    run(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT });
    const output = [];
    server = spawn(process.execPath, ['dist/main.js'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.on('data', (chunk) => output.push(String(chunk)));
    server.stderr.on('data', (chunk) => output.push(String(chunk)));
    env.ACCOUNT_GRAPH_URL = `http://127.0.0.1:${port}/graphql`;
    await waitForServer(env.ACCOUNT_GRAPH_URL, server, output);
  });

  for (const flavour of FLAVOURS) {
    await step(`the ${flavour.name} build runs the scenario against the server`, () => {
      const out = run(process.execPath, ['dist/main.js'], { cwd: path.join(app, flavour.name), env });
      process.stdout.write(out);
    });
  }
} catch {
  // The failed step printed why.
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  if (keep) console.log(`consumer app kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
console.log(`sdk consumer: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
