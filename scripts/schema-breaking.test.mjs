// Tests of the breaking-change gate (scripts/schema-breaking.mjs) on small schemas in a temp folder:
// `node --test scripts/schema-breaking.test.mjs` (root: `pnpm test:contract`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const GATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema-breaking.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-breaking-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const RELEASED = `
"""The root."""
type Query {
  """One account."""
  account(id: ID!, """Old.""" legacy: String @deprecated(reason: "Unused.")): Account
  """Accounts."""
  accounts(first: Int = 20): [Account!]!
}
"""An account."""
type Account {
  """Id."""
  id: ID!
  """Old code."""
  code: String @deprecated(reason: "Use id.")
  """Name."""
  name: String!
  """Status."""
  status: Status!
}
"""A status."""
enum Status {
  """Active."""
  ACTIVE
  """Gone."""
  GONE @deprecated(reason: "Never sent.")
}
`;

const CHANGELOG = (unreleased) =>
  `# Schema changelog\n\n## Unreleased\n\n${unreleased}\n\n## 1.0.0 (first)\n\nFirst.\n`;

let run = 0;
/** Runs the gate on a current schema (an edit of RELEASED), a CHANGELOG's Unreleased text and an SDK version. */
function gate(current, unreleased = 'Nothing yet.', sdkVersion = '1.0.0') {
  run += 1;
  const file = (name, content) => {
    const full = path.join(dir, `${run}-${name}`);
    fs.writeFileSync(full, content);
    return full;
  };
  const result = spawnSync(
    process.execPath,
    [
      GATE,
      '--released',
      file('released.graphql', RELEASED),
      '--current',
      file('schema.graphql', current),
      '--changelog',
      file('CHANGELOG.md', CHANGELOG(unreleased)),
      '--sdk-package',
      file('package.json', JSON.stringify({ version: sdkVersion })),
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('schema breaking-change gate', () => {
  it('passes the released schema and additions', () => {
    assert.equal(gate(RELEASED).status, 0);
    const added = RELEASED.replace('  """Name."""', '  """Region."""\n  region: String\n  """Name."""');
    const result = gate(added);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /only additions/);
  });

  it('fails on a removed field that the CHANGELOG does not list, printing the line to add', () => {
    const result = gate(RELEASED.replace('  """Name."""\n  name: String!\n', ''));
    assert.equal(result.status, 1);
    assert.match(result.output, /breaking change not in the CHANGELOG: `FIELD_REMOVED` Account.name was removed\./);
  });

  it('fails on an argument made required, even when the schema was regenerated consistently', () => {
    const result = gate(RELEASED.replace('accounts(first: Int = 20)', 'accounts(first: Int!)'));
    assert.equal(result.status, 1);
    assert.match(result.output, /ARG_CHANGED_KIND/);
  });

  it('passes a listed removal of a deprecated field once the SDK has a new major', () => {
    const current = RELEASED.replace('  """Old code."""\n  code: String @deprecated(reason: "Use id.")\n', '');
    const line = '- `FIELD_REMOVED` Account.code was removed. Deprecated in 1.0.0; use `Account.id`.';
    const sameMajor = gate(current, line, '1.1.0');
    assert.equal(sameMajor.status, 1);
    assert.match(sameMajor.output, /must be a new major, 2\.0\.0 or later/);
    const result = gate(current, line, '2.0.0');
    assert.equal(result.status, 0, result.output);
  });

  it('fails a listed removal of an element that was never deprecated', () => {
    const current = RELEASED.replace('  """Name."""\n  name: String!\n', '');
    const result = gate(current, '- `FIELD_REMOVED` Account.name was removed. Deprecated in 1.0.0.', '2.0.0');
    assert.equal(result.status, 1);
    assert.match(result.output, /not @deprecated in released\.graphql/);
  });

  it('fails a listed breaking change that names no earlier release as its deprecation', () => {
    const current = RELEASED.replace('  GONE @deprecated(reason: "Never sent.")\n', '').replace('  """Gone."""\n', '');
    const unlisted = gate(current, '- `VALUE_REMOVED_FROM_ENUM` GONE was removed from enum type Status.', '2.0.0');
    assert.equal(unlisted.status, 1);
    assert.match(unlisted.output, /must say "deprecated in X\.Y\.Z"/);
    const listed = gate(
      current,
      '- `VALUE_REMOVED_FROM_ENUM` GONE was removed from enum type Status. Deprecated in 1.0.0.',
      '2.0.0',
    );
    assert.equal(listed.status, 0, listed.output);
  });

  it('checks deprecated arguments the same way', () => {
    const current = RELEASED.replace(', """Old.""" legacy: String @deprecated(reason: "Unused.")', '');
    const result = gate(current, '- `ARG_REMOVED` Query.account arg legacy was removed. Deprecated in 1.0.0.', '2.0.0');
    assert.equal(result.status, 0, result.output);
  });
});
