// Measuring helpers shared by the benchmarks: interleaved medians against a baseline in the same
// run (so machine noise hits both sides alike), and a process's own peak RSS from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `env` without NODE_EXTRA_CA_CERTS. This machine sets one (a 215 KB bundle) that every Node
 * process, `node -e 0` included, spends ~90 ms reading at start; GitHub's hosted runners do not.
 */
export function withoutExtraCa(env = process.env) {
  const copy = { ...env };
  delete copy.NODE_EXTRA_CA_CERTS;
  return copy;
}

/** Wall milliseconds of one synchronous spawn. */
export function timeSpawn(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore', ...options });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: result.status };
}

/**
 * Runs `subject` and `baseline` alternately `runs` times each (after one warm-up of each) and
 * returns both medians and their ratio. Each is a function returning wall ms.
 */
export async function interleaved(subject, baseline, runs) {
  await subject();
  await baseline();
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(await subject());
    b.push(await baseline());
  }
  const subjectMs = median(a);
  const baselineMs = median(b);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs };
}

/**
 * Spawns a process and polls its VmHWM (peak resident set) until it exits. `onStdout` may be used
 * to read slowly (back-pressure). Resolves to { ms, status, peakMiB, stdout }.
 */
export function runWithPeak(command, args, { cwd, env, slowReader = false, keepStdout = true }) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let peakKiB = 0;
    const consume = (stream, keep) => {
      if (!slowReader) {
        stream.on('data', (chunk) => keep && (stdout += chunk));
        return;
      }
      // A slow consumer: read a chunk, then pause; the gate must not buffer what it cannot write.
      // The 'readable' listener matters: without one, Node resumes (and discards) a paused child
      // pipe when the child exits (flushStdio), cutting what was not read yet.
      stream.on('readable', () => undefined);
      stream.pause();
      const tick = setInterval(() => {
        let chunk;
        let read = 0;
        while (read < 256 * 1024 && (chunk = stream.read()) !== null) {
          read += chunk.length;
          if (keep) stdout += chunk;
        }
      }, 20);
      stream.on('end', () => clearInterval(tick));
      stream.on('close', () => clearInterval(tick));
    };
    consume(child.stdout, keepStdout);
    consume(child.stderr, false);
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // exited between polls
      }
    }, 25);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        status,
        peakMiB: peakKiB / 1024,
        stdout,
      });
    });
  });
}

/**
 * Counts the programs a command line starts (successful execve) and the failed execve attempts
 * (PATH lookups that missed), under strace. Returns undefined when strace is not installed.
 */
export function countExecs(command, args, options = {}) {
  const probe = spawnSync('strace', ['-V'], { stdio: 'ignore' });
  if (probe.status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-strace-'));
  const trace = join(dir, 'trace.txt');
  spawnSync(
    'strace',
    ['-f', '-qq', '-e', 'trace=execve', '-e', 'signal=none', '-o', trace, command, ...args],
    { stdio: 'ignore', ...options },
  );
  const lines = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((l) => l.includes('execve('));
  rmSync(dir, { recursive: true, force: true });
  const ok = lines.filter((l) => /= 0$/.test(l.trim()));
  const failed = lines.filter((l) => /= -1 /.test(l));
  // The first successful execve is the command itself.
  return {
    children: Math.max(0, ok.length - 1),
    failedLookups: failed.length,
    programs: ok.slice(1).map((l) => /execve\("([^"]+)"/.exec(l)?.[1] ?? '?'),
  };
}
