#!/usr/bin/env node
// @ts-check
/**
 * `pnpm run generate` (root: `pnpm sdk:generate`): runs codegen (codegen.config.js) into src/generated/,
 * then writes what scripts/extras.js derives from the same schema and operations: src/generated/extras.ts
 * and the README's method list. `pnpm sdk:check` fails while any of them differs from what this writes.
 */
const fs = require('node:fs');
const path = require('node:path');
const { generate } = require('@graphql-codegen/cli');
const config = require('../codegen.config.js');
const extras = require('./extras.js');

// Codegen finds its plugins from the working directory: the SDK's, wherever the script is run from.
process.chdir(path.join(__dirname, '..'));

async function main() {
  await generate({ ...config, silent: true }, true);
  const loaded = extras.load();
  fs.writeFileSync(extras.EXTRAS_FILE, extras.renderExtras(loaded));
  const readme = fs.readFileSync(extras.README_FILE, 'utf8');
  fs.writeFileSync(extras.README_FILE, extras.readmeWith(readme, extras.renderMethodList(loaded)));
  console.log(
    `sdk generate: src/generated/ and the README's method list (${loaded.operations.length} methods) written`,
  );
}

main().catch((error) => {
  console.error(`sdk generate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
