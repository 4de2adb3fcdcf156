import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const extensionApis = [
  { name: 'webextension-polyfill', message: 'src/core runs in Node too: take browser APIs as arguments.' },
  { name: 'preact', message: 'src/core has no UI.' },
];

/**
 * The sandbox's development layer (faults, hostile SVGs, admin routes) serves scripts/ and tests only:
 * nothing under src/ outside it may import it, so it never reaches the extension's bundles.
 */
const devSandbox = {
  regex: '(^|/)sandbox/dev(/|$)|^\\./dev(/|$)',
  message: 'src/core/sandbox/dev is for scripts/ and tests only; the extension ships the plain emulator in src/core/sandbox.',
};

/** Folders each runtime may not import, so every arrow points down (see docs/architecture.md). */
const boundaries = {
  'src/core/**': ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/scanner/**', '**/offscreen/**', '**/shared/**', '**/ui/**'],
  'src/shared/**': ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/scanner/**', '**/offscreen/**', '**/ui/**'],
  'src/content/**': ['**/background/**', '**/popup/**', '**/options/**', '**/scanner/**', '**/offscreen/**', '**/ui/**'],
  'src/scanner/**': ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/offscreen/**', '**/ui/**'],
  'src/offscreen/**': ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/scanner/**', '**/ui/**'],
  'src/popup/**': ['**/background/**', '**/options/**', '**/content/**', '**/scanner/**', '**/offscreen/**'],
  'src/options/**': ['**/background/**', '**/popup/**', '**/content/**', '**/scanner/**', '**/offscreen/**'],
  'src/ui/**': ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/scanner/**', '**/offscreen/**'],
  'src/background/**': ['**/popup/**', '**/options/**', '**/content/**', '**/scanner/**', '**/offscreen/**', '**/ui/**'],
  'scripts/**': [
    '**/src/background/**',
    '**/src/popup/**',
    '**/src/options/**',
    '**/src/content/**',
    '**/src/scanner/**',
    '**/src/offscreen/**',
    '**/src/shared/**',
    '**/src/ui/**',
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...Object.entries(boundaries).map(([folder, forbidden]) => ({
    files: [folder],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbidden, message: `${folder.replace('/**', '')} may not import this runtime's code.` },
            ...(folder.startsWith('src/') ? [devSandbox] : []),
          ],
          ...(folder === 'src/core/**' ? { paths: extensionApis } : {}),
        },
      ],
    },
  })),
  {
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'DOMParser', 'localStorage', 'navigator'],
      'no-restricted-imports': [
        'error',
        {
          paths: extensionApis,
          patterns: [
            { group: boundaries['src/core/**'], message: 'src/core is the bottom floor: it imports nothing of the extension.' },
            { group: ['node:*'], message: 'src/core runs in the service worker too: no Node modules.' },
            devSandbox,
          ],
        },
      ],
    },
  },
  {
    // Small enough to read in one sitting: a longer file or function needs an eslint-disable line in
    // its header that says why.
    files: ['src/**'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
