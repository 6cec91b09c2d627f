#!/usr/bin/env node
// @ts-check
/**
 * `pnpm run check` (root: `pnpm sdk:check`). Fails (exit 1) when
 *  - a file of src/generated/ differs from what the schema and operations/*.graphql generate now,
 *  - the README's method list differs from the one scripts/extras.js renders,
 *  - a root Query or Mutation field of the schema has no operation document that selects it, or
 *  - a connection-returning root field has no operation that `client.paginate` can page through.
 * It regenerates in memory and compares; it never writes a file.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Kind } = require('graphql');
const { generate } = require('@graphql-codegen/cli');
const config = require('../codegen.config.js');
const extras = require('./extras.js');

// Codegen finds its plugins from the working directory: the SDK's, wherever the script is run from.
process.chdir(path.join(__dirname, '..'));

const ROOT = path.join(__dirname, '../../..');
const relative = (/** @type {string} */ file) => path.relative(ROOT, file);

/** Where a committed text first differs from a regenerated one, or null when they are equal. */
function difference(/** @type {string | null} */ committed, /** @type {string} */ fresh) {
  if (committed === fresh) return null;
  if (committed === null) return 'it does not exist';
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let line = 0;
  while (line < Math.max(a.length, b.length) && a[line] === b[line]) line += 1;
  return (
    `first difference at line ${line + 1}:\n  committed:   ` +
    `${JSON.stringify(a[line] ?? '<end of file>')}\n  regenerated: ` +
    `${JSON.stringify(b[line] ?? '<end of file>')}`
  );
}

const readOrNull = (/** @type {string} */ file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

/** Regenerates every output in memory; returns one message per stale file. */
async function checkGenerated(/** @type {ReturnType<typeof extras.load>} */ loaded) {
  const problems = [];
  const outputs = await generate({ ...config, silent: true }, false);
  const expected = Object.keys(config.generates);
  for (const file of expected) {
    const output = outputs.find(
      (/** @type {{ filename: string; content: string }} */ o) => path.resolve(o.filename) === path.resolve(file),
    );
    if (!output) {
      problems.push(`codegen produced no ${relative(file)}`);
      continue;
    }
    const stale = difference(readOrNull(file), output.content);
    if (stale) problems.push(`${relative(file)} is stale: run pnpm sdk:generate (${stale})`);
  }
  const staleExtras = difference(readOrNull(extras.EXTRAS_FILE), extras.renderExtras(loaded));
  if (staleExtras) problems.push(`${relative(extras.EXTRAS_FILE)} is stale: run pnpm sdk:generate (${staleExtras})`);
  const readme = readOrNull(extras.README_FILE) ?? '';
  const staleReadme = difference(readme, extras.readmeWith(readme, extras.renderMethodList(loaded)));
  if (staleReadme)
    problems.push(
      `the method list of ${relative(extras.README_FILE)} is stale: run pnpm sdk:generate (${staleReadme})`,
    );
  return problems;
}

/** Returns one message per root Query/Mutation field that no operation document selects. */
function checkCoverage(/** @type {ReturnType<typeof extras.load>} */ { schema, operations, fragments }) {
  /** @type {Record<string, Set<string>>} */
  const used = { query: new Set(), mutation: new Set(), subscription: new Set() };
  /** Root field names of a selection set, through fragment spreads and inline fragments. */
  const collect = (
    /** @type {import('graphql').SelectionSetNode} */ selectionSet,
    /** @type {Set<string>} */ into,
    /** @type {Set<string>} */ seen = new Set(),
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) into.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, into, seen);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) collect(fragment.selectionSet, into, new Set([...seen, name]));
      }
    }
  };
  for (const operation of operations) collect(operation.node.selectionSet, used[operation.kind] ?? new Set());

  const problems = [];
  for (const [kind, type] of /** @type {const} */ ([
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ])) {
    if (!type) continue;
    for (const field of Object.keys(type.getFields()).sort()) {
      if (!used[kind].has(field)) {
        problems.push(
          `${type.name}.${field} has no operation document: add a ${kind} that selects it to packages/sdk/operations/ and run pnpm sdk:generate`,
        );
      }
    }
  }
  return problems;
}

async function main() {
  const loaded = extras.load();
  const problems = [...checkCoverage(loaded), ...extras.connections(loaded).problems];
  try {
    problems.push(...(await checkGenerated(loaded)));
  } catch (error) {
    problems.push(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`sdk check: ${problem}`);
    process.exit(1);
  }
  console.log(
    `sdk check: src/generated/ and the README method list are up to date; every Query and Mutation field has an operation and every connection a pager`,
  );
}

main().catch((error) => {
  console.error(`sdk check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
