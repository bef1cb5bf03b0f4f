// `node bench/shards.mjs`: 12 one-second commands, unsharded at concurrency 1 versus 4 shards run
// as 4 concurrent processes (each at concurrency 1) plus the aggregation, through the built CLI.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cc-bench-shards-'));
mkdirSync(join(dir, '.github'));
const commands = Array.from(
  { length: 12 },
  (_, i) =>
    `  - {id: sleep-${String(i).padStart(2, '0')}, run: 'sleep 1; echo 1 passed, 0 failed', reports_tests: true}`,
);
writeFileSync(
  join(dir, '.github/cutover-checkpoint.yml'),
  ['version: 1', 'gate: { name: bench-shards }', 'commands:', ...commands, ''].join('\n'),
);

function cli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GITHUB_SHA: 'a'.repeat(40) },
    });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.on('close', (status) =>
      resolve({ status, record: stdout ? JSON.parse(stdout) : undefined }),
    );
  });
}
const time = async (work) => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};
const essence = (r) =>
  JSON.stringify({
    verdict: r.verdict,
    checks: r.checks.map(({ id, status, blocks, abort }) => ({ id, status, blocks, abort })),
    commands: r.commands.map(({ id, state, exit_code, signal, timed_out, tests }) => ({
      id,
      state,
      exit_code,
      signal,
      timed_out,
      tests,
    })),
  });

try {
  const single = await time(() => cli(['run', '--concurrency', '1', '--out', 'single', '--json']));
  const sharded = await time(async () => {
    await Promise.all(
      [1, 2, 3, 4].map((i) =>
        cli(['run', '--shard', `${i}/4`, '--concurrency', '1', '--out', `shards/${i}`, '--json']),
      ),
    );
    return cli([
      'aggregate',
      ...[1, 2, 3, 4].map((i) => `shards/${i}/decision-record.json`),
      '--out',
      'merged',
      '--json',
    ]);
  });
  const equal = essence(single.result.record) === essence(sharded.result.record);
  const ratio = sharded.ms / single.ms;
  console.log(`Node ${process.version}\n`);
  console.log('| benchmark | measured | target | |');
  console.log('|---|---|---|---|');
  console.log(
    `| 12 × \`sleep 1\`, unsharded, concurrency 1 | ${(single.ms / 1000).toFixed(2)} s | — | — |`,
  );
  console.log(
    `| same, 4 concurrent shards + aggregate | ${(sharded.ms / 1000).toFixed(2)} s (${ratio.toFixed(2)} ×), record ${equal ? 'equal' : 'DIFFERENT'} | ≤ 0.4 ×, equal verdict/checks/commands | ${ratio <= 0.4 && equal ? 'met' : 'MISSED'} |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
