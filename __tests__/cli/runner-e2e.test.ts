// The runner through the built CLI: secrets leave no trace in anything written, mutating commands
// are refused in a rehearsal, and Ctrl-C still writes the record.
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli, workspace } from './cli-helpers.js';

const CONFIG = '.github/cutover-checkpoint.yml';
const HEAD = 'version: 1\ngate:\n  name: runner\n';

function everythingWritten(dir: string): string {
  const evidence = join(dir, 'checkpoint-evidence');
  const logs = readdirSync(join(evidence, 'logs')).map((f) =>
    readFileSync(join(evidence, 'logs', f), 'utf8'),
  );
  return [
    readFileSync(join(evidence, 'decision-record.json'), 'utf8'),
    readFileSync(join(evidence, 'report.md'), 'utf8'),
    ...logs,
  ].join('\n');
}

describe('runner through the CLI', () => {
  it('a command printing the token or an AKIA key leaves no trace in the log, record or report', async () => {
    const token = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz';
    const secret = 'deploy-secret-9f8e7d6c';
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - id: leaky\n    run: 'echo "token=$GITHUB_TOKEN deploy=$DEPLOY_KEY key=AKIAIOSFODNN7EXAMPLE"; echo 1 passed, 0 failed; exit 1'\n    pass_env: [GITHUB_TOKEN]\n    env: {DEPLOY_KEY: "${secret}"}\n    secret_env: [DEPLOY_KEY]\n`,
    });
    try {
      const run = await cli(['run'], dir, { GITHUB_TOKEN: token });
      expect(run.status).toBe(1);
      const written = everythingWritten(dir) + run.stdout + run.stderr;
      expect(written).toContain('token=*** deploy=*** key=***');
      for (const leak of [token, secret, 'AKIAIOSFODNN7EXAMPLE'])
        expect(written).not.toContain(leak);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a mutating command in a rehearsal: rehearsal unaffected, cutover pending', async () => {
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - {id: tests, run: 'echo 2 passed, 0 failed; test -d .'}\n  - {id: compose-up, run: 'docker compose -f deploy/docker-compose.yml up -d && touch mutated'}\n  - {id: smoke, run: 'test -f mutated', needs: [compose-up]}\n`,
    });
    try {
      const run = await cli(['run', '--json'], dir);
      const record = JSON.parse(run.stdout);
      expect(run.status).toBe(0);
      expect(record.decisions).toMatchObject({
        rehearsal: { state: 'GO' },
        // Pending for the cutover; NO-GO here only because this gate has no joint_decision policy.
        cutover: {
          state: 'NO-GO',
          blocked_by: ['joint-decision.cutover', 'command.compose-up', 'command.smoke'],
        },
      });
      expect(record.commands.find((c: { id: string }) => c.id === 'compose-up').reason).toContain(
        'refused in a rehearsal: mutating command',
      );
      expect(readdirSync(dir)).not.toContain('mutated');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses in a rehearsal a command whose scripts go past what the gate reads (fail closed)', async () => {
    // 70 helper scripts: the gate reads 64 a run, and the last one deploys (here: touches a file).
    const helpers = Array.from({ length: 70 }, (_, i) => `./h${i}.sh`);
    const files: Record<string, string> = {
      [CONFIG]: `${HEAD}commands:\n  - {id: release-checks, run: 'sh ./all.sh'}\n`,
      'all.sh': `${helpers.join('\n')}\n`,
    };
    for (const [i] of helpers.entries())
      files[`h${i}.sh`] = i === 69 ? 'touch mutated\n' : 'true\n';
    const dir = workspace(files);
    try {
      for (const name of Object.keys(files))
        if (name.endsWith('.sh')) chmodSync(join(dir, name), 0o755);
      const run = await cli(['run', '--json'], dir);
      const record = JSON.parse(run.stdout);
      const command = record.commands.find((c: { id: string }) => c.id === 'release-checks');
      expect(command.state).toBe('refused');
      expect(command.reason).toMatch(
        /^refused in a rehearsal: mutating command \(runs all\.sh, which runs h\d+\.sh, which the gate could not read \(past the 64 scripts a run follows\)/,
      );
      expect(readdirSync(dir)).not.toContain('mutated');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows a shared script from each directory that runs it: nothing read is refused', async () => {
    const pkg = JSON.stringify({ scripts: { test: 'echo 1 passed, 0 failed' } });
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - {id: a, run: ../../scripts/test.sh, cwd: packages/a}\n  - {id: b, run: ../../scripts/test.sh, cwd: packages/b}\n`,
      'scripts/test.sh': 'npm test\n',
      'packages/a/package.json': pkg,
      'packages/b/package.json': pkg,
    });
    try {
      chmodSync(join(dir, 'scripts/test.sh'), 0o755);
      const run = await cli(['run', '--json'], dir);
      const record = JSON.parse(run.stdout);
      expect(
        record.commands.map((c: { id: string; state: string; reason?: string }) => [
          c.id,
          c.state,
          c.reason ?? '',
        ]),
      ).toEqual([
        ['a', 'ran', ''],
        ['b', 'ran', ''],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flags a placeholder hiding in a script file or a package.json script', async () => {
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - {id: script, run: ./placeholder.sh}\n  - {id: npm-script, run: npm run build:frontend, cwd: web}\n`,
      'placeholder.sh': readFileSync(
        join(import.meta.dirname, '..', 'adapters', 'fixtures', 'placeholder.sh'),
        'utf8',
      ),
      'web/package.json': JSON.stringify({
        scripts: { 'build:frontend': 'echo frontend build placeholder' },
      }),
    });
    try {
      chmodSync(join(dir, 'placeholder.sh'), 0o755);
      const run = await cli(['run', '--json'], dir);
      const checks = JSON.parse(run.stdout).checks as {
        id: string;
        status: string;
        summary: string;
      }[];
      expect(run.status).toBe(1);
      expect(checks.find((c) => c.id === 'command.script')).toMatchObject({
        status: 'fail',
        summary:
          'placeholder command: `./placeholder.sh` runs placeholder.sh, which only succeeds; it is not evidence of quality',
      });
      expect(checks.find((c) => c.id === 'command.npm-script')!.summary).toContain(
        "runs the package.json script 'build:frontend', which only succeeds",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on Ctrl-C stops every command and still writes the record', async () => {
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - {id: long, run: 'sleep 413.5'}\n  - {id: after, run: 'true', needs: [long]}\n`,
    });
    try {
      const child = spawn(process.execPath, [CLI, 'run'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let interrupted = false;
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (!interrupted && stderr.includes('▶ long')) interrupted = child.kill('SIGINT');
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status).toBe(1);
      expect(stderr).toContain('SIGINT received: stopping commands and writing the record');
      const record = JSON.parse(
        readFileSync(join(dir, 'checkpoint-evidence/decision-record.json'), 'utf8'),
      );
      expect(record.commands[0]).toMatchObject({
        id: 'long',
        signal: 'SIGTERM',
        reason: 'the gate was interrupted (SIGINT)',
      });
      expect(record.commands[1]).toMatchObject({ id: 'after', state: 'skipped' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
