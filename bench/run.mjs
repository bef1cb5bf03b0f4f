// `npm run bench`: the engine's own cost, measured through the built CLI as users run it.
// Prints a Markdown table for the README. Wall times are medians of several runs.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoWorkspace, createLargeArtifactWorkspace } from './fixtures.mjs';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HAS_TIME = existsSync('/usr/bin/time');

/** Runs the CLI `RUNS` times; returns median wall ms, max RSS (MiB) and the last exit code. */
function measure(args, cwd) {
  const walls = [];
  let rss = 0;
  let status;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    // GNU time reports the child's peak RSS; without it only wall time is measured.
    const result = HAS_TIME
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {
          cwd,
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    const kb = Number(result.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kb)) rss = Math.max(rss, kb / 1024);
    status = result.status;
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)], rss, status };
}

function baselineNode() {
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return walls.sort((a, b) => a - b)[Math.floor(walls.length / 2)];
}

const demo = await createDemoWorkspace();
const large = createLargeArtifactWorkspace();
const rows = [];
try {
  const node = baselineNode();
  const noCommands = measure(['run', '--no-commands'], demo);
  const validateLarge = measure(['validate'], large);
  const payloadMiB = statSync(join(large, 'payload.json')).size / 1024 / 1024;
  rows.push(['`node -e 0` (machine floor)', `${node.toFixed(0)} ms`, '—', '—', '—']);
  rows.push([
    'first example, `run --no-commands`',
    `${noCommands.wall.toFixed(0)} ms`,
    `${noCommands.rss.toFixed(0)} MiB`,
    '< 500 ms',
    noCommands.wall < 500 ? 'met' : 'MISSED',
  ]);
  rows.push([
    `100,000-code manifest + ${payloadMiB.toFixed(1)} MiB payload, \`validate\``,
    `${validateLarge.wall.toFixed(0)} ms`,
    `${validateLarge.rss.toFixed(0)} MiB`,
    '< 2000 ms',
    validateLarge.wall < 2000 && validateLarge.status === 0 ? 'met' : 'MISSED',
  ]);
} finally {
  rmSync(join(demo, '..'), { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
console.log(
  `Node ${process.version}, ${RUNS} runs each, median wall time, peak RSS of the CLI process\n`,
);
console.log('| benchmark | wall (median) | peak RSS | target | |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
