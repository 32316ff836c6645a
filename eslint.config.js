// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rule of docs/ARCHITECTURE.md: which layer under src/ may import which.
 * Data flows one way; a layer not listed for another is forbidden to it.
 */
export const LAYERS = {
  shared: [],
  domain: ['shared'],
  storage: ['shared', 'domain'],
  policies: ['shared', 'domain', 'storage'],
  analysis: ['shared', 'domain'],
  importers: ['shared', 'domain', 'analysis'],
  reports: ['shared', 'domain'],
  services: ['shared', 'domain', 'storage', 'policies', 'analysis', 'importers', 'reports'],
  http: ['shared', 'domain', 'services'],
  cli: ['shared', 'domain', 'services', 'http'],
};

/** Packages that do I/O: the pure layers may not reach them. */
const IO_PACKAGES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'better-sqlite3',
  'pg',
  'kysely',
  'pino',
];

/** @param {string[]} names */
const layerImport = (names) => `^\\.{1,2}/(?:.*/)?(?:${names.join('|')})(?:/|$)`;

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
  const forbidden = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
  const pure = layer === 'shared' || layer === 'domain';
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pure ? IO_PACKAGES.map((name) => ({ name, message: `${layer} is pure: no I/O.` })) : [],
          patterns: [
            {
              regex: layerImport(forbidden),
              message: `${layer} may import only: ${allowed.join(', ') || 'nothing of the app'} (docs/ARCHITECTURE.md).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'out/', 'coverage/', 'test-artifacts/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type A }` keeps the module as a side effect: a shared zod schema would run in the browser, whose
      // Content-Security-Policy refuses zod's eval probe.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  ...layerRules,
  {
    // Migrations are frozen in time: they never import application code.
    files: ['src/storage/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: 'Migrations are frozen: import nothing of the app.' }] },
      ],
    },
  },
  {
    // The web application runs in the browser and shares only the pure vocabulary of src/shared with the server.
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:\\.\\./)+src/(?!shared/)',
              message: 'web may import only src/shared of the server code (docs/ARCHITECTURE.md).',
            },
            { regex: '^(?:node:|fs$|path$)', message: 'web runs in the browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  prettier,
);
