#!/usr/bin/env bash
# Installs what Account Graph needs on a machine with Node 20 and npm: pnpm at the version pinned in
# package.json, then the workspace's dependencies from the lockfile, then builds the server for
# `pnpm start`. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "Installing pnpm $pnpm_version with npm..."
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version"
fi

# better-sqlite3 compiles against Node's headers. Point node-gyp at the headers that came with this
# Node, so that the build needs no download.
node_prefix=$(node -p "require('path').resolve(process.execPath, '../..')")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi

pnpm install --frozen-lockfile

# `pnpm start` runs the compiled server; build it now (it is rebuilt on start when a source changes).
node scripts/build-server.mjs
