// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// A later `no-restricted-imports` block replaces an earlier one for the files it matches, so each
// boundary block below repeats these patterns.
const packageInternals = [
  {
    group: ['@aftersales/*/src', '@aftersales/*/src/**', '@aftersales/*/dist/**'],
    message: "Import the package's entry point, not its internals.",
  },
  {
    regex: '^(\\.\\./)+(packages/)?(engine|server|designer)/(src|dist)(/|$)',
    message: "Import the package's entry point, not its internals.",
  },
];

/**
 * The web app's admin and staff areas are separate screens loaded apart: `area` imports nothing of
 * `other`; what both use lives in `src/shared` or `src/app`.
 * @param {'admin' | 'staff'} area
 * @param {'admin' | 'staff'} other
 */
const areaBoundary = (area, other) => ({
  files: [`packages/designer/src/${area}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...packageInternals,
          {
            regex: `^(\\.\\./)+${other}(/|$)`,
            message: `The admin and staff areas do not import each other: move what both use to src/shared (or src/app).`,
          },
        ],
      },
    ],
  },
});

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
          patterns: packageInternals,
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
            ...packageInternals,
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
  // The admin area imports nothing of the staff area, and the staff area nothing of the admin area.
  areaBoundary('admin', 'staff'),
  areaBoundary('staff', 'admin'),
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
