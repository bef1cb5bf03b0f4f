import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The built bundle: this checkout's dist/ (not a package's dist/ under node_modules). */
const DIST = new RegExp(
  `^${(join(import.meta.dirname, 'dist') + '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
);

/** Generated ajv standalone code, CommonJS. */
const GENERATED_VALIDATORS =
  /\/(src\/core\/schema\/generated|__tests__\/github\/fixtures)\/[^/]+\.cjs$/;

export default defineConfig({
  // Node resolves the test workers' imports with Vite's server conditions, 'development' among
  // them; without it, packages that ship a development build (micromark, which the Markdown fuzz
  // tests parse every output with) load the build that ships (what esbuild bundles), not the one
  // with debug logging and internal assertions (twice as slow). Vitest's own config plugin adds
  // the condition back on any list given here (lists merge), so it is taken out once resolved.
  plugins: [
    {
      name: 'no-development-condition',
      configResolved(config) {
        for (const resolve of [config.ssr.resolve, config.environments.ssr?.resolve])
          if (resolve?.conditions)
            resolve.conditions = resolve.conditions.filter((c) => !c.startsWith('development'));
      },
    },
  ],
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['__tests__/support/global-setup.ts'],
    // Every git the tests run (and the commands under test) inherit this: no automatic
    // `git maintenance` / `gc` after the tests' commits (dozens of extra processes a run).
    env: {
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'maintenance.auto',
      GIT_CONFIG_VALUE_0: 'false',
      GIT_CONFIG_KEY_1: 'gc.auto',
      GIT_CONFIG_VALUE_1: '0',
      // The tests open no TLS connection (only 127.0.0.1 over HTTP); a machine-wide extra CA
      // bundle (this machine sets one) costs every Node process the suite starts ~50 ms to load:
      // the workers, the built CLI and Action, the examples' node and npm commands.
      NODE_EXTRA_CA_CERTS: '',
    },
    pool: 'forks',
    // A young generation of 32 MiB (V8's default is 16 MiB at most) halves the scavenges of a
    // worker that renders, parses and validates thousands of documents: ~8 s less CPU a suite run
    // on this machine (16: no gain; 64 and 128: no more).
    //
    // No optimizing compiler (TurboFan) in the workers: each worker runs thousands of different
    // code paths a few times each, so optimizing them was a seventh of the suite's CPU (perf, on
    // V8's background threads) and rarely paid back. Interleaved pairs on this machine: 87 and 86 s
    // of CPU without the flag, 72 and 75 s with it (wall 47 → 40 s). Only the test workers: the
    // built CLI and Action the tests start as processes run with Node's defaults, as they ship.
    execArgv: ['--max-semi-space-size=32', '--no-opt'],
    // Vitest's default on 2 cores is one worker, so files run one after another; most of the
    // suite waits on child processes (the built CLI, git, commands that sleep or time out), so
    // three files at a time overlap that waiting without starving the CPU.
    maxWorkers: 3,
    // Transformed test and source modules kept on disk between runs (node_modules/.experimental-
    // vitest-cache, keyed by each file's content and the environment's config; `npm ci` starts it
    // afresh, `vitest --clearCache` empties it): a run after the first neither transforms the
    // TypeScript again nor sends it to each worker over IPC. Vitest's main process: ~4.7 → ~2.8 s
    // of CPU; seven interleaved pairs of whole runs on this machine: 2.5 s less wall (median), in
    // six of seven. A first run (a clean clone, CI) costs what it did. The default from Vitest 5.
    experimental: { fsModuleCache: true },
    // Test files share a worker's module cache instead of re-importing the pipeline, ajv and
    // Octokit for each file (about a third of the suite's CPU time). Tests therefore must not
    // leave global state behind (signal listeners, env, cwd): none does, the Action tests check
    // that no signal listener survives a run, and the in-process CLI helper checks every run.
    isolate: false,
    // The built bundle, which the CLI tests call in-process, is plain ESM for Node: imported
    // natively, not re-transformed by Vite (seconds for its megabytes; and it is what ships).
    // So are the generated CommonJS validators (the product's built-in schemas and the fake
    // GitHub's REST description, 1.5 MB): Vite would transform them in every run and each worker
    // evaluate the result, where Node just loads them.
    server: { deps: { external: [DIST, GENERATED_VALIDATORS] } },
  },
});
