// `node bench/suite.mjs`: how long `npm test` takes on this machine, with a reference for the
// machine's speed at that moment. This machine's speed swings by half from hour to hour (the same
// tree took 24 s and 46 s on the same day), so a suite time means little without one: before each
// run, the median of seven `node -e 0` (without the machine's extra CA bundle, as the suite's own
// Node processes start). BENCH_RUNS sets the number of suite runs (default 3). Prints a Markdown
// row per run and the medians; exits non-zero when a run fails.
import { spawnSync } from 'node:child_process';
import { median, timeSpawn, withoutExtraCa } from './measure.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const noCa = withoutExtraCa();

/** Median wall ms of seven `node -e 0`. */
function reference() {
  return median(
    Array.from({ length: 7 }, () => timeSpawn(process.execPath, ['-e', '0'], { env: noCa }).ms),
  );
}

/** One `npm test` run: wall seconds and the CPU seconds of it and every process it waited for. */
function suiteRun() {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'npm', 'test'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const [wall, user, system] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const counts = result.stdout.match(/Tests\s+(.*)\n/)?.[1] ?? '?';
  return { ok: result.status === 0, wall, cpu: user + system, counts };
}

const rows = [];
console.log('| `node -e 0` (ms) | `npm test` wall (s) | CPU (s) | tests |');
console.log('|---|---|---|---|');
for (let i = 0; i < RUNS; i++) {
  const ms = reference();
  const run = suiteRun();
  rows.push({ ms, ...run });
  console.log(
    `| ${ms.toFixed(0)} | ${run.wall.toFixed(1)} | ${run.cpu.toFixed(1)} | ${run.counts} |`,
  );
}
const pick = (key) => median(rows.map((row) => row[key]));
console.log(
  `\nmedians: node -e 0 ${pick('ms').toFixed(0)} ms, npm test ${pick('wall').toFixed(1)} s wall, ${pick('cpu').toFixed(1)} s CPU`,
);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
