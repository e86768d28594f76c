// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**', 'bench/.corpus/**', 'test/e2e/node_modules/**', 'test/e2e/out/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The pure core must never depend on the editor.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core is pure: no vscode import.' }] }] },
  },
  {
    // What both the extension host and the webviews import: neither the editor nor the browser.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/shared is imported by the webviews too: no vscode import.' }],
          patterns: [{ group: ['**/extension/**', '**/webview/**', '**/cli/**', 'node:*'], message: 'src/shared depends only on src/core and pure packages.' }],
        },
      ],
      // No `/// <reference lib="dom" />` (the extension host has no DOM) and no DOM or webview globals.
      '@typescript-eslint/triple-slash-reference': ['error', { lib: 'never', path: 'never', types: 'never' }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'localStorage', 'acquireVsCodeApi', 'HTMLElement', 'Element', 'Node', 'Event'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
