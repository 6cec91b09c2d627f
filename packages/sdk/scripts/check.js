#!/usr/bin/env node
// @ts-check
/**
 * `pnpm run check` (root: `pnpm sdk:check`). Fails (exit 1) when
 *  - src/generated.ts differs from what the schema and operations/*.graphql generate now, or
 *  - a root Query or Mutation field of the schema has no operation document that selects it.
 * It regenerates into a temp file and compares; it never writes src/generated.ts.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildSchema, Kind, parse } = require('graphql');
const { generate } = require('@graphql-codegen/cli');
const config = require('../codegen.config.js');

/** The one output of the codegen config: src/generated.ts and its plugins and options. */
const [OUTPUT, outputConfig] =
  /** @type {[string, import('@graphql-codegen/cli').CodegenConfig['generates'][string]]} */ (
    Object.entries(config.generates)[0]
  );
const SCHEMA = /** @type {string} */ (config.schema);

const PACKAGE_DIR = path.join(__dirname, '..');
const OPERATIONS_DIR = path.join(PACKAGE_DIR, 'operations');
const relative = (/** @type {string} */ file) => path.relative(path.join(PACKAGE_DIR, '../..'), file);

/** Every .graphql file under a directory, sorted. */
function graphqlFiles(/** @type {string} */ dir) {
  /** @type {string[]} */
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...graphqlFiles(full));
    else if (entry.name.endsWith('.graphql')) files.push(full);
  }
  return files.sort();
}

/** Regenerates into a temp file; returns a problem message, or null when src/generated.ts is current. */
async function checkGenerated() {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-graph-sdk-'));
  const tempFile = path.join(tempDir, 'generated.ts');
  try {
    const [output] = await generate(
      { schema: config.schema, documents: config.documents, silent: true, generates: { [tempFile]: outputConfig } },
      false,
    );
    if (!output) return 'codegen produced no output';
    fs.writeFileSync(tempFile, output.content);
    const fresh = fs.readFileSync(tempFile, 'utf8');
    const committed = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : null;
    if (committed === fresh) return null;
    let detail = 'it does not exist';
    if (committed !== null) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      let line = 0;
      while (line < Math.max(a.length, b.length) && a[line] === b[line]) line += 1;
      detail = `first difference at line ${line + 1}:\n  committed:   ${JSON.stringify(a[line] ?? '<end of file>')}\n  regenerated: ${JSON.stringify(b[line] ?? '<end of file>')}`;
    }
    return `${relative(OUTPUT)} is stale: run pnpm sdk:generate (${detail})`;
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Returns one message per root Query/Mutation field that no operation document selects. */
function checkCoverage() {
  const schema = buildSchema(fs.readFileSync(SCHEMA, 'utf8'));
  const documents = graphqlFiles(OPERATIONS_DIR).map((file) => parse(fs.readFileSync(file, 'utf8')));
  const definitions = documents.flatMap((document) => document.definitions);
  /** @type {Map<string, import('graphql').FragmentDefinitionNode>} */
  const fragments = new Map();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  /** @type {Record<'query' | 'mutation', Set<string>>} */
  const used = { query: new Set(), mutation: new Set() };
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
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (definition.operation === 'query' || definition.operation === 'mutation') {
      collect(definition.selectionSet, used[definition.operation]);
    }
  }

  const problems = [];
  for (const [operation, type] of /** @type {const} */ ([
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ])) {
    if (!type) continue;
    for (const field of Object.keys(type.getFields()).sort()) {
      if (!used[operation].has(field)) {
        problems.push(
          `${type.name}.${field} has no operation document: add a ${operation} that selects it to packages/sdk/operations/ and run pnpm sdk:generate`,
        );
      }
    }
  }
  return problems;
}

async function main() {
  const problems = [...checkCoverage()];
  try {
    const stale = await checkGenerated();
    if (stale) problems.push(stale);
  } catch (error) {
    problems.push(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`sdk check: ${problem}`);
    process.exit(1);
  }
  console.log('sdk check: src/generated.ts is up to date and every Query and Mutation field has an operation');
}

main().catch((error) => {
  console.error(`sdk check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
