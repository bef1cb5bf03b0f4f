// `node bench/perf.mjs`: every row of the performance table, each against its baseline in the same
// run (interleaved medians), printed as a Markdown table with the ratio and the goal. Rows can be
// chosen with BENCH_ROWS=startup,modes,… ; BENCH_RUNS sets the number of runs (default 7).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  createDemoWorkspace,
  createDocumentsWorkspace,
  createLargeArtifactWorkspace,
} from './fixtures.mjs';
import { countExecs, interleaved, runWithPeak, timeSpawn, withoutExtraCa } from './measure.mjs';
import { bundle, stubModule } from '../scripts/bundle.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const ACTION = join(ROOT, 'dist/index.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WANTED = process.env.BENCH_ROWS?.split(',');
const node = process.execPath;
const rows = [];
const cleanup = [];

function row(name, measured, goal, met) {
  rows.push([name, measured, goal, met ? 'met' : 'MISSED']);
  console.error(`${met ? 'met   ' : 'MISSED'} ${name}: ${measured} (goal ${goal})`);
}
const want = (key) => !WANTED || WANTED.includes(key);
const temp = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
};
const bare = (env = process.env) => timeSpawn(node, ['-e', '0'], { env }).ms;
/**
 * This machine sets NODE_EXTRA_CA_CERTS (a 215 KB bundle): every Node process, `node -e 0`
 * included, spends ~90 ms reading it at start, which flatters start-up ratios. The start-up rows
 * are measured both as the environment is and without it (as on GitHub's hosted runners).
 */
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
/**
 * `env` with a code cache of its own (src/adapters/code-cache.ts): made by the row's warm-up run,
 * so it holds what that row's runs compile, as for a user who runs the same command again (a cache
 * left by another row's runs of another config holds their functions, not these).
 */
const ownCache = (env = process.env) => ({
  ...env,
  CUTOVER_CHECKPOINT_CODE_CACHE: temp('cc-bench-code-cache-'),
});
const environments = EXTRA_CA
  ? [
      { label: '', env: process.env },
      { label: ', without NODE_EXTRA_CA_CERTS', env: withoutExtraCa() },
    ]
  : [{ label: '', env: process.env }];
/** Wall ms of one gate run; a run that could not judge (exit ≥ 3: bad config…) measures nothing. */
const gate = (args, options) => {
  const { ms, status } = timeSpawn(node, args, options);
  if (status === null || status >= 3) throw new Error(`${args.join(' ')} exited ${status}`);
  return ms;
};

/** The environment the runner gives the Action, publishing off, on a push of HEAD. */
function actionEnv(workspace) {
  const dir = temp('cc-bench-action-');
  const head = execFileSync('git', ['rev-parse', 'HEAD'], {
    cwd: workspace,
    encoding: 'utf8',
  }).trim();
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ after: head, repository: {} }));
  writeFileSync(join(dir, 'out'), '');
  writeFileSync(join(dir, 'summary'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? '/tmp',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: head,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_API_URL: 'http://127.0.0.1:9',
  };
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  for (const [name, spec] of Object.entries(action.inputs))
    env[`INPUT_${name.toUpperCase()}`] = spec.default?.startsWith('${{')
      ? ''
      : (spec.default ?? '');
  env['INPUT_PUBLISH'] = 'false';
  return env;
}

/** Builds dist/ into `dir` with markdown-it replaced by a parser that finds nothing; returns `dir`. */
async function buildWithoutMarkdownParser(dir) {
  const stub = {
    name: 'markdown-it-stub',
    setup: (build) =>
      stubModule(
        build,
        'markdown-it',
        'export default class MarkdownIt { parse() { return []; } }',
      ),
  };
  const files = await bundle({ write: false, plugins: [stub] });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return dir;
}

/** A gate whose only content is `commands` (YAML flow objects). */
function commandGate(commands, concurrency) {
  const dir = temp('cc-bench-cmd-');
  mkdirSync(join(dir, '.github'));
  const lines = [
    'version: 1',
    'gate: { name: bench }',
    `command_defaults: { concurrency: ${concurrency} }`,
    'commands:',
  ];
  for (const c of commands) lines.push(`  - ${JSON.stringify(c)}`);
  writeFileSync(join(dir, '.github/cutover-checkpoint.yml'), lines.join('\n') + '\n');
  return dir;
}

try {
  const demo =
    want('startup') || want('children') || want('markdown')
      ? await createDemoWorkspace()
      : undefined;
  if (demo) cleanup.push(join(demo, '..'));

  if (want('startup')) {
    for (const { label, env } of environments) {
      const cached = ownCache(env);
      const r = await interleaved(
        () => gate([CLI, 'run', '--no-commands'], { cwd: demo, env: cached }),
        () => bare(env),
        RUNS,
      );
      row(
        `\`cli.js run --no-commands\` (first example) vs \`node -e 0\`${label}`,
        `${r.subjectMs.toFixed(0)} ms vs ${r.baselineMs.toFixed(0)} ms = **${r.ratio.toFixed(2)}×**`,
        '≤ 2.0×',
        r.ratio <= 2.0,
      );
    }
  }
  if (want('action')) {
    // Publishing off and, as the CLI row's --no-commands, no commands: the Action has no input to
    // skip them, so its workspace's config has none.
    const quiet = await createDemoWorkspace({ commands: false });
    cleanup.push(join(quiet, '..'));
    for (const { env: base, label } of environments) {
      // The runner's environment for the Action, with the machine's CA bundle where `node -e 0`
      // has it (actionEnv alone has none: the Action ran without it against a baseline with it).
      const env = ownCache(actionEnv(quiet));
      if (base.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = base.NODE_EXTRA_CA_CERTS;
      const r = await interleaved(
        () => gate([ACTION], { cwd: quiet, env }),
        () => bare(base),
        RUNS,
      );
      row(
        `\`index.js\` (publishing off) vs \`node -e 0\`${label}`,
        `${r.subjectMs.toFixed(0)} ms vs ${r.baselineMs.toFixed(0)} ms = **${r.ratio.toFixed(2)}×**`,
        '≤ 2.5×',
        r.ratio <= 2.5,
      );
    }
  }
  if (want('modes')) {
    const bytes = 7.4 * 1024 * 1024;
    const many = createLargeArtifactWorkspace({ codes: 1000, payloadBytes: bytes, modes: 300 });
    const one = createLargeArtifactWorkspace({ codes: 1000, payloadBytes: bytes, modes: 1 });
    cleanup.push(many, one);
    const size = (statSync(join(many, 'payload.json')).size / 1024 / 1024).toFixed(1);
    const r = await interleaved(
      () => timeSpawn(node, [CLI, 'validate'], { cwd: many }).ms,
      () => timeSpawn(node, [CLI, 'validate'], { cwd: one }).ms,
      RUNS,
    );
    row(
      `300 handoff modes, ${size} MB payload (\`validate\`) vs 1 mode of the same size`,
      `${(r.subjectMs / 1000).toFixed(2)} s vs ${(r.baselineMs / 1000).toFixed(2)} s = **${r.ratio.toFixed(2)}×**`,
      '≤ 3×',
      r.ratio <= 3,
    );
  }
  if (want('huge')) {
    const huge = createLargeArtifactWorkspace({
      codes: 1_000_000,
      payloadBytes: 100 * 1024 * 1024,
    });
    cleanup.push(huge);
    const script = join(huge, 'plain.mjs');
    // The floor: read both files, JSON.parse them and validate with ajv's compiled built-in schemas.
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const Ajv = require('ajv/dist/2020').default;
const formats = require('ajv-formats');
const ajv = formats(new Ajv({ allErrors: true, strict: false }));
const schema = (n) => JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'schemas'))} + '/' + n, 'utf8'));
const m = ajv.compile(schema('producer-manifest.schema.json'));
const p = ajv.compile(schema('handoff-payload.schema.json'));
const ok = m(JSON.parse(readFileSync('manifest.json', 'utf8'))) && p(JSON.parse(readFileSync('payload.json', 'utf8')));
process.exit(ok ? 0 : 1);
`,
    );
    const r = await interleaved(
      () => gate([CLI, 'validate'], { cwd: huge }),
      () => timeSpawn(node, [script], { cwd: huge }).ms,
      Math.min(RUNS, 3),
    );
    row(
      '1,000,000 error codes + 100 MB payload (`validate`) vs `JSON.parse` + ajv',
      `${(r.subjectMs / 1000).toFixed(2)} s vs ${(r.baselineMs / 1000).toFixed(2)} s = **${r.ratio.toFixed(2)}×**`,
      '≤ 1.5×',
      r.ratio <= 1.5,
    );
  }
  if (want('flood')) {
    const dir = commandGate([{ id: 'flood', run: 'head -c 1073741824 /dev/zero' }], 1);
    const result = await runWithPeak(node, [CLI, 'run', '--json'], { cwd: dir });
    const record = JSON.parse(result.stdout);
    const log = record.commands[0].log_path;
    const complete = statSync(log).size === 1024 ** 3;
    row(
      'one command printing 1 GiB without newlines: gate peak RSS',
      `**${result.peakMiB.toFixed(0)} MiB**, log ${complete ? 'complete' : 'INCOMPLETE'}`,
      '≤ 90 MiB',
      result.peakMiB <= 90 && complete,
    );
  }
  if (want('fanout')) {
    const commands = Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      run: `head -c 10485760 /dev/zero | tr '\\0' 'x'; echo`,
    }));
    const dir = commandGate(commands, 50);
    const result = await runWithPeak(node, [CLI, 'run', '--json'], { cwd: dir, slowReader: true });
    const record = JSON.parse(result.stdout);
    const complete = record.commands.every((c) => statSync(c.log_path).size === 10485761);
    row(
      '50 commands × 10 MB, concurrency 50, gate output on a slow pipe: peak RSS',
      `**${result.peakMiB.toFixed(0)} MiB**, logs ${complete ? 'complete' : 'INCOMPLETE'}`,
      '≤ 250 MiB, every log complete',
      result.peakMiB <= 250 && complete,
    );
  }
  if (want('sleeps')) {
    const dir = commandGate(
      Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, run: 'sleep 1' })),
      2,
    );
    // The gate pays Node's start-up (and the machine's CA bundle), xargs does not.
    for (const { env, label } of environments) {
      const cached = ownCache(env);
      const r = await interleaved(
        () => timeSpawn(node, [CLI, 'run', '--json'], { cwd: dir, env: cached }).ms,
        () =>
          timeSpawn('bash', [
            '-c',
            `printf '%s\\n' 1 2 3 4 5 6 7 8 | xargs -P2 -I{} bash -c 'sleep 1'`,
          ]).ms,
        // Medians of seven (issue 10 asks for at least seven); a pair takes about 8.3 s.
        7,
      );
      row(
        `8 × \`sleep 1\`, concurrency 2, vs \`xargs -P2\`${label}`,
        `${(r.subjectMs / 1000).toFixed(2)} s vs ${(r.baselineMs / 1000).toFixed(2)} s = **${r.ratio.toFixed(3)}×**`,
        '≤ 1.03×',
        r.ratio <= 1.03,
      );
    }
  }
  if (want('children')) {
    const counted = countExecs(node, [CLI, 'run', '--no-commands'], { cwd: demo });
    if (counted)
      row(
        'child processes per run without commands',
        `**${counted.children}** (${counted.programs.map((p) => p.split('/').pop()).join(', ') || 'none'}), ${counted.failedLookups} failed PATH lookups`,
        '≤ 3',
        counted.children <= 3,
      );
  }
  if (want('documents')) {
    const aged = createDocumentsWorkspace({ count: 100, maxAge: true });
    const plain = createDocumentsWorkspace({ count: 100, maxAge: false });
    cleanup.push(aged, plain);
    const r = await interleaved(
      () => timeSpawn(node, [CLI, 'validate'], { cwd: aged }).ms,
      () => timeSpawn(node, [CLI, 'validate'], { cwd: plain }).ms,
      RUNS,
    );
    // The dates' git calls: those of the aged gate beyond the plain one's (HEAD, tags: 2).
    const gits = (cwd) =>
      countExecs(node, [CLI, 'validate'], { cwd })?.programs.filter((p) => p.endsWith('/git'))
        .length ?? NaN;
    const [agedGits, plainGits] = [gits(aged), gits(plain)];
    const gitCalls = agedGits - plainGits;
    const extra = r.subjectMs - r.baselineMs;
    row(
      '100 documents with `max_age_days` vs without',
      `**${gitCalls}** git call(s) for the dates (${agedGits} vs ${plainGits} in all), +${extra.toFixed(0)} ms`,
      'one git call, ≤ +60 ms',
      gitCalls === 1 && extra <= 60,
    );
  }
  if (want('markdown')) {
    // The Markdown parser's share of start-up: the same build with markdown-it replaced by a stub
    // that parses nothing (what line matching cost), run on the first example, which reads five
    // Markdown documents. Issue 14: the parser may not make the start-up ratio >5% worse.
    const variant = await buildWithoutMarkdownParser(temp('cc-bench-nomd-'));
    const ownCacheOf = { main: ownCache(), variant: ownCache() };
    const r = await interleaved(
      () => gate([CLI, 'run', '--no-commands'], { cwd: demo, env: ownCacheOf.main }),
      () =>
        gate([join(variant, 'dist/cli.js'), 'run', '--no-commands'], {
          cwd: demo,
          env: ownCacheOf.variant,
        }),
      RUNS,
    );
    const cost = (r.ratio - 1) * 100;
    row(
      'Markdown parser: `cli.js run --no-commands` (first example) vs the same build without it',
      `${r.subjectMs.toFixed(0)} ms vs ${r.baselineMs.toFixed(0)} ms = **${cost >= 0 ? '+' : ''}${cost.toFixed(1)}%**`,
      '≤ +5%',
      cost <= 5,
    );
  }
} finally {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
}

console.log(`Node ${process.version}, ${RUNS} interleaved runs (3 for the 100 MB case), medians\n`);
console.log('| measurement | measured | goal | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
