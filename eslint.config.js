import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.demo/',
      'checkpoint-evidence/',
      'examples/',
      'src/core/schema/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setTimeout: 'readonly',
      },
    },
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
            {
              group: ['@actions/*', '../adapters/*', '../app/*', '../../adapters/*', '../../app/*'],
              message: 'core/ is pure',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ gets the time as data (evidence.now)',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ gets the time as data (evidence.now)',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core/ is deterministic',
        },
      ],
    },
  },
  {
    // app/ talks to the outside only through ports.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', '../adapters/*', 'node:child_process'],
              message: 'app/ uses ports',
            },
          ],
        },
      ],
    },
  },
);
