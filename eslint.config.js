import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.demo/', 'checkpoint-evidence/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // core/ is pure: no I/O, no process, no clock. Time and context arrive as data.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'child_process', 'os', 'path'], message: 'core/ is pure' },
            { group: ['@actions/*', '../adapters/*', '../app/*', '../../adapters/*', '../../app/*'], message: 'core/ is pure' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Date'],
    },
  },
  {
    // app/ talks to the outside only through ports.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@actions/*', '../adapters/*', 'node:child_process'], message: 'app/ uses ports' }] },
      ],
    },
  },
);
