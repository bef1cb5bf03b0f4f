// `npm run bench:runner`: the verification command runner's own costs, through the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const FLOOD = new URL('../__tests__/adapters/fixtures/floods.sh', import.meta.url).pathname;

function gate(commands, extra = '') {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-runner-'));
  mkdirSync(join(dir, '.github'));
  const lines = ['version: 1', 'gate: { name: bench-runner }', extra, 'commands:'];
  for (const c of commands) lines.push(`  - ${JSON.stringify(c)}`);
  writeFileSync(
    join(dir, '.github/cutover-checkpoint.yml'),
    lines.filter(Boolean).join('\n') + '\n',
  );
  return dir;
}

/** Runs the CLI to completion; returns wall ms, exit code, and the gate's own peak RSS (VmHWM). */
function runGate(dir, args = []) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'run', '--json', ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    let peakKiB = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // exited
      }
    }, 50);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        status,
        record: stdout ? JSON.parse(stdout) : undefined,
        peakMiB: peakKiB / 1024,
      });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
const dirs = [];
try {
  // 1. Eight one-second commands, two at a time.
  const sleeps = gate(
    Array.from({ length: 8 }, (_, i) => ({ id: `sleep-${i}`, run: 'sleep 1' })),
    'command_defaults: { concurrency: 2 }',
  );
  dirs.push(sleeps);
  const parallel = await runGate(sleeps);
  rows.push([
    '8 × `sleep 1`, concurrency 2 (serial: 8 s)',
    `${(parallel.ms / 1000).toFixed(2)} s`,
    '≤ 4.6 s',
    parallel.ms <= 4600 ? 'met' : 'MISSED',
  ]);

  // 2. One command printing 1 GiB.
  const bytes = 1024 ** 3;
  const flood = gate([{ id: 'flood', run: `${FLOOD} ${bytes}` }]);
  dirs.push(flood);
  const flooded = await runGate(flood);
  const log = flooded.record.commands[0].log_path;
  const complete =
    existsSync(log) &&
    statSync(log).size === flooded.record.commands[0].output_bytes &&
    flooded.record.commands[0].output_bytes >= bytes;
  rows.push([
    '1 GiB to stdout: gate peak RSS',
    `${flooded.peakMiB.toFixed(0)} MiB (${(flooded.ms / 1000).toFixed(1)} s, log ${complete ? 'complete' : 'INCOMPLETE'})`,
    '< 150 MiB, log complete',
    flooded.peakMiB < 150 && complete ? 'met' : 'MISSED',
  ]);

  // 3. A hanging command with a 2 s timeout next to a fast one.
  const hang = gate([
    { id: 'hangs', run: 'sleep 300.125 & sleep 300.25', timeout: '2s' },
    { id: 'fast', run: 'test -d .' },
  ]);
  dirs.push(hang);
  const hung = await runGate(hang);
  const survivors = spawnSync('ps', ['-eo', 'args'])
    .stdout.toString()
    .split('\n')
    .filter((l) => l.startsWith('sleep 300.125') || l.startsWith('sleep 300.25'));
  const intact = hung.record.commands[0].timed_out && hung.record.commands[1].exit_code === 0;
  rows.push([
    'hanging command, `timeout: 2s`',
    `${(hung.ms / 1000).toFixed(2)} s, ${survivors.length} survivors, others ${intact ? 'intact' : 'LOST'}`,
    '< 5 s, killed with grandchildren',
    hung.ms < 5000 && survivors.length === 0 && intact ? 'met' : 'MISSED',
  ]);

  // 4. Per-command overhead against a plain bash loop running the same commands.
  const n = 40;
  const trivial = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, run: 'test -d .' }));
  const many = gate(trivial, 'command_defaults: { concurrency: 1 }');
  const none = gate([{ id: 'c0', run: 'test -d .' }], 'command_defaults: { concurrency: 1 }');
  dirs.push(many, none);
  const withMany = [];
  const withOne = [];
  const loops = [];
  for (let i = 0; i < 5; i++) {
    withMany.push((await runGate(many)).ms);
    withOne.push((await runGate(none)).ms);
    const start = process.hrtime.bigint();
    spawnSync(
      'bash',
      ['-c', `for i in $(seq ${n - 1}); do bash -eo pipefail -c 'test -d .'; done`],
      { cwd: many },
    );
    loops.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const perCommandGate = (median(withMany) - median(withOne)) / (n - 1);
  const perCommandBash = median(loops) / (n - 1);
  const overhead = perCommandGate - perCommandBash;
  rows.push([
    `runner overhead per command (${n} sequential commands vs a bash loop)`,
    `${overhead.toFixed(1)} ms (gate ${perCommandGate.toFixed(1)} ms, bash ${perCommandBash.toFixed(1)} ms)`,
    '< 25 ms',
    overhead < 25 ? 'met' : 'MISSED',
  ]);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
console.log(`Node ${process.version}\n`);
console.log('| benchmark | measured | target | |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
