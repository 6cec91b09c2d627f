/** Jest runs TypeScript through swc (with decorator metadata) against SQLite, or MariaDB when TEST_DB=mariadb. */
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^@account-graph/sdk$': '<rootDir>/../sdk/src/index.ts',
    // The SDK's sources import each other as './x.js' (what its ESM build needs); here they are .ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // Each e2e file has its own database; two workers fit a 2-core machine.
  maxWorkers: 2,
};
