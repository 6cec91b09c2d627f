#!/usr/bin/env node
// @ts-check
/**
 * `pnpm run build`: compiles src/ twice with tsc, declarations included:
 *  - dist/esm: ES modules (relative imports end in .js, as Node's loader and bundlers need them);
 *  - dist/cjs: CommonJS, for `require`.
 * Each folder gets a package.json stating its module type, so Node and TypeScript read every .js
 * and .d.ts of it as what it is. package.json's `exports` sends `import` and `require` to each.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_DIR = path.join(__dirname, '..');
const DIST = path.join(PACKAGE_DIR, 'dist');
const TSC = require.resolve('typescript/bin/tsc');

/** @type {Array<{ dir: string; type: 'module' | 'commonjs'; flags: string[] }>} */
const BUILDS = [
  { dir: 'esm', type: 'module', flags: ['--module', 'ES2022', '--moduleResolution', 'bundler'] },
  { dir: 'cjs', type: 'commonjs', flags: ['--module', 'commonjs', '--moduleResolution', 'node10'] },
];

fs.rmSync(DIST, { recursive: true, force: true });
for (const build of BUILDS) {
  const outDir = path.join(DIST, build.dir);
  execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--outDir', outDir, ...build.flags], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
  });
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ type: build.type }, null, 2)}\n`);
}
console.log(`sdk build: ${BUILDS.map((b) => `dist/${b.dir}`).join(' and ')} written`);
