import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// The layering (STYLE.md), by resolved path, so no spelling of a relative import slips past:
// core/ is pure; app/ talks to the outside only through ports; adapters never reach a front door;
// the two front doors do not import each other.
const LAYERS = [
  {
    target: './src/core',
    from: ['./src/adapters', './src/app', './src/action', './src/cli'],
    message: 'core/ is pure: it imports only core/.',
  },
  {
    target: './src/app',
    from: ['./src/adapters', './src/action', './src/cli'],
    message: 'app/ talks to the outside only through the interfaces in app/ports.ts.',
  },
  {
    target: './src/adapters',
    from: ['./src/action', './src/cli'],
    message: 'adapters/ are built by the front doors, never the other way round.',
  },
  { target: './src/cli', from: ['./src/action'], message: 'the CLI does not use the Action.' },
  { target: './src/action', from: ['./src/cli'], message: 'the Action does not use the CLI.' },
];

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
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses the files it follows: TypeScript, with the TypeScript parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      // `./x.js` in the source is `./x.ts` on disk (NodeNext resolution).
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      // An import that does not resolve would escape the rule above.
      'import-x/no-unresolved': 'error',
      // The import graph has no cycles (type-only imports vanish at run time and are let be).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Only a front door ends the process: elsewhere an exit would skip the sink's finish.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'only cli/ and action/ end the process' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/action/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // core/ is pure: no I/O, no process, no clock. Time and context arrive as data.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', '@octokit/*'],
              message: 'core/ is pure',
            },
          ],
        },
      ],
      // Every Node built-in, `node:` or bare, imported statically or with import().
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', 'process', 'globalThis', 'performance'],
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
              group: ['@actions/*', '@octokit/*'],
              message: 'app/ uses ports: files, processes and the network are adapters/.',
            },
          ],
        },
      ],
      // Files, processes and the network are adapters/: no Node built-in, even through import().
      'import-x/no-nodejs-modules': 'error',
      // The environment arrives through ports (ports.environment), the clock as ports.now().
      'no-restricted-globals': ['error', 'process', 'globalThis'],
    },
  },
);
