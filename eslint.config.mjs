// Lint rules that guard the architecture: the core library stays pure, so that the CLI, the
// language server and tests can all run it without an editor or a file system.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'test-artifacts/**', '.bench-tmp/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core library must not depend on the editor.' },
            { name: 'fs', message: 'The core library reads no files: callers pass text in.' },
            { name: 'node:fs', message: 'The core library reads no files: callers pass text in.' },
            { name: 'fs/promises', message: 'The core library reads no files: callers pass text in.' },
            { name: 'node:fs/promises', message: 'The core library reads no files: callers pass text in.' },
          ],
          patterns: [
            { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The core library must not depend on LSP.' },
          ],
        },
      ],
    },
  },
);
