/** `emit` writes docs/permissions.md from the policies; `check` fails when it is stale. */
import 'reflect-metadata';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderPermissions } from '../app/permissions-doc';
import { policies } from '../app/policies';

const PERMISSIONS_FILE = join(__dirname, '../../../../docs/permissions.md');

function main(mode: string | undefined): void {
  const text = renderPermissions(policies);
  if (mode === 'emit') {
    mkdirSync(dirname(PERMISSIONS_FILE), { recursive: true });
    writeFileSync(PERMISSIONS_FILE, text);
    console.log('wrote docs/permissions.md');
  } else if (mode === 'check') {
    let committed = '';
    try {
      committed = readFileSync(PERMISSIONS_FILE, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== text) {
      console.error('docs/permissions.md is stale: run `pnpm policy:emit` and commit the result.');
      process.exit(1);
    }
    console.log('docs/permissions.md is up to date');
  } else {
    console.error('usage: policy.ts emit|check');
    process.exit(2);
  }
}

main(process.argv[2]);
