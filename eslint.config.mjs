import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Layering: the analysis core and the language modules know nothing of LSP or VS Code.
    files: ['server/src/core/**', 'server/src/nginx/**', 'server/src/pki/**', 'server/src/tls/**', 'server/src/pem/**', 'server/src/dhcp/**', 'server/src/istio/**', 'server/src/analysis.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'node:*', 'fs', 'path'], message: 'The core is pure: no LSP, VS Code or platform imports.' }] }],
    },
  },
);
