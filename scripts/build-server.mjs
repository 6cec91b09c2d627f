#!/usr/bin/env node
// Compiles the server to JavaScript without type-checking (as ts-node's transpile-only mode does,
// but once, ahead of time): `pnpm start` runs the result, so the compiler does not sit in the
// server's memory (about 95 MB) and nothing is compiled while it serves. `pnpm typecheck` is
// where types are checked.
//   node scripts/build-server.mjs           build packages/server/dist when a source file is newer
//   node scripts/build-server.mjs --force   build it anyway
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../packages/server');
const requireServer = createRequire(join(serverDir, 'package.json'));

function buildConfig() {
  const ts = requireServer('typescript');
  const configPath = join(serverDir, 'tsconfig.build.json');
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    serverDir,
  );
  return { ts, parsed };
}

/** Transpiles every source file of the server into `outDir` (default packages/server/dist); returns outDir. */
export function buildServer(outDir = join(serverDir, 'dist')) {
  const { ts, parsed } = buildConfig();
  const compilerOptions = {
    ...parsed.options,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    declarationMap: false,
  };
  const srcDir = join(serverDir, 'src');
  // Written beside, then moved in place: an interrupted build never leaves a half-written dist.
  const staging = `${outDir}.building`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of parsed.fileNames) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const target = join(staging, relative(srcDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  return outDir;
}

/** True when dist is missing, or a source file (or the build config) changed after it was built. */
export function serverBuildIsStale() {
  const built = join(serverDir, 'dist/main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const { parsed } = buildConfig();
  const inputs = [
    ...parsed.fileNames,
    join(serverDir, 'tsconfig.build.json'),
    join(serverDir, '../../tsconfig.base.json'),
  ];
  return inputs.some((file) => statSync(file).mtimeMs > builtAt);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force') || serverBuildIsStale()) {
    const started = Date.now();
    buildServer();
    console.log(`built packages/server/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
