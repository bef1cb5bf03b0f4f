// `node bench/suite.mjs`: how long `npm test` takes on this machine, with a reference for the
// machine's speed at that moment. This machine's speed swings by half from hour to hour (the same
// tree took 24 s and 46 s on the same day), so a suite time means little without one: before each
// run, the median of seven `node -e 0` (without the machine's extra CA bundle, as the suite's own
// Node processes start). BENCH_RUNS sets the number of suite runs (default 3). Prints a Markdown
// row per run and the medians; exits non-zero when a run fails.
//
// CPU is the machine's busy time over the run (/proc/stat, all cores), not what `time` reports:
// `time` adds up only processes that were waited for, and the suite's tests start processes that
// outlive their parent and are reaped by init (the escapees the runner tests make, daemons), whose
// CPU it never sees; a process tree that hands work to such a process looks cheaper than it is.
// Run it with nothing else busy on the machine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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

/**
 * The machine's busy CPU seconds so far, all cores (user, nice, system, irq, softirq in
 * /proc/stat's `cpu` line, in USER_HZ ticks: 100 a second on Linux). NaN where there is no /proc.
 */
function busySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq] = fields.slice(1).map(Number);
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return Number.NaN;
  }
}

/** One `npm test` run: wall seconds and the machine's busy CPU seconds during it. */
function suiteRun() {
  const busyBefore = busySeconds();
  const start = performance.now();
  const result = spawnSync('npm', ['test'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - start) / 1000;
  const counts = result.stdout.match(/Tests\s+(.*)\n/)?.[1] ?? '?';
  return { ok: result.status === 0, wall, cpu: busySeconds() - busyBefore, counts };
}

const rows = [];
console.log('| `node -e 0` (ms) | `npm test` wall (s) | machine CPU (s) | tests |');
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
  `\nmedians: node -e 0 ${pick('ms').toFixed(0)} ms, npm test ${pick('wall').toFixed(1)} s wall, ${pick('cpu').toFixed(1)} s machine CPU`,
);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
