// Timing a whole `npm test` run, shared by bench/suite.mjs (this tree alone, with a reference for
// the machine's speed) and bench/suite-vs-baseline.mjs (this tree against an older one, in turns).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median, timeSpawn, withoutExtraCa } from './measure.mjs';

/**
 * Median wall ms of seven `node -e 0` without the machine's extra CA bundle (as the suite's own
 * Node processes start): how fast this machine is right now.
 */
export function reference() {
  const env = withoutExtraCa();
  return median(
    Array.from({ length: 7 }, () => timeSpawn(process.execPath, ['-e', '0'], { env }).ms),
  );
}

/**
 * The machine's busy CPU seconds so far, all cores (user, nice, system, irq, softirq in
 * /proc/stat's `cpu` line, in USER_HZ ticks: 100 a second on Linux). NaN where there is no /proc.
 *
 * Not what `time` reports: `time` adds up only processes that were waited for, and the suite's
 * tests start processes that outlive their parent and are reaped by init (the escapees the
 * runner tests make, daemons), whose CPU it never sees.
 */
export function busySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq] = fields.slice(1).map(Number);
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * One `npm test` run in `cwd`: { ok, wall (s), cpu (the machine's busy s during it), counts (the
 * Vitest "Tests" line, e.g. "1415 passed (1415)") }.
 */
export function suiteRun(cwd) {
  const busyBefore = busySeconds();
  const start = performance.now();
  const result = spawnSync('npm', ['test'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - start) / 1000;
  const counts = result.stdout.match(/Tests\s+(.*)\n/)?.[1]?.trim() ?? '?';
  return { ok: result.status === 0, wall, cpu: busySeconds() - busyBefore, counts };
}
