// `pnpm run lint` runs this (then Prettier's check). Type-aware rules use each package's own tsconfig
// through the project service; plain JavaScript (scripts, tool configs) is linted without type information.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated files are rewritten by their generators, never by hand.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/schema/**',
      'packages/sdk/src/generated/**',
      'packages/server/src/db/migrations/**',
    ],
  },
  {
    files: ['**/*.{ts,mjs,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Apollo's plugin hooks are typed to return promises; an `async` hook with nothing to await is the
      // plain way to meet that type, not a forgotten await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Features add their loaders to the shared `Loaders` (and the user row to `Viewer`) by module
      // augmentation: an empty interface extending one type is how TypeScript merges them.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Tests read parsed JSON responses (typed `any`) and assert on them: the assertions are the check.
    files: ['packages/server/test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The SDK consumer scenario is compiled by its own test, outside the workspace's tsconfigs.
    files: ['**/*.{mjs,js}', 'scripts/sdk-consumer/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The SDK's scripts and the tools' config files are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
