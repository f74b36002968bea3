// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'test-results/**', '**/*.js', '**/*.mjs', '!eslint.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Adapters implement async ports with synchronous drivers (better-sqlite3).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Matchers such as expect.objectContaining() are typed `any` by design.
    // and HTTP response bodies in API tests are untyped JSON.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', '**/src/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Package boundaries: another package is imported only through its published entry points
    // (`@aftersales/engine`, `@aftersales/engine/node`, ...), never by a path into its sources.
    files: ['packages/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aftersales/*/src', '@aftersales/*/src/**', '@aftersales/*/dist/**'],
              message: "Import the package's entry point, not its internals.",
            },
            {
              regex: '^(\\.\\./)+(packages/)?(engine|server|designer)/(src|dist)(/|$)',
              message: "Import the package's entry point, not its internals.",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is a pure library: it knows nothing of the server or the web app.
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aftersales/server', '@aftersales/server/**', '@aftersales/designer', '@aftersales/designer/**'],
              message: 'The engine imports no server or web-app code.',
            },
            { regex: '^(\\.\\./)+(server|designer)(/|$)', message: 'The engine imports no server or web-app code.' },
          ],
        },
      ],
    },
  },
  {
    // Hooks: a hook outside the rules, or an effect that misses a dependency (a label that stays in
    // the old language after a switch), is an error.
    files: ['packages/designer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
