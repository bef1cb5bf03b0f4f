// The process runner against real child processes, tried as an attacker would: what a command
// inherits, secrets that straddle a cut or span lines, and processes that escape the group.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProcessRunner } from '../../src/adapters/process-runner.js';
import { buildChildEnv } from '../../src/adapters/child-env.js';
import { createToolLookup } from '../../src/adapters/tool-lookup.js';
import type { RunCommandsOptions } from '../../src/app/ports.js';
import type { CommandConfig } from '../../src/core/config/config-types.js';
import { createRedactor, MASK } from '../../src/core/redact.js';
import { survivors } from '../support/command-lines.js';
import { commandConfig as command } from '../support/command-config.js';

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cc-untrusted-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(
  commands: CommandConfig[],
  options: Partial<RunCommandsOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
  killGraceMs?: number,
) {
  let live = '';
  const runner = createProcessRunner({
    root,
    evidenceDir: join(root, 'evidence'),
    env,
    ...(killGraceMs === undefined ? {} : { killGraceMs }),
  });
  const results = await runner.run(commands, {
    concurrency: 2,
    logDir: 'logs',
    refusals: {},
    redact: (t) => t,
    withheldEnv: [],
    events: { onOutput: (_c, text) => (live += text) },
    ...options,
  });
  return { results, live, log: (i = 0) => readFileSync(results[i]!.logPath!, 'utf8') };
}

describe('what a command inherits', () => {
  const gate = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    CI: 'true',
    GITHUB_OUTPUT: '/tmp/out',
    GITHUB_ENV: '/tmp/env',
    GITHUB_PATH: '/tmp/path',
    GITHUB_STATE: '/tmp/state',
    GITHUB_STEP_SUMMARY: '/tmp/summary',
    'INPUT_GITHUB-TOKEN': 'ghs_inputinputinputinputinputinputinput',
    INPUT_CONFIG: '.github/cutover-checkpoint.yml',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_RUNTIME_URL: 'https://pipelines.example',
    ACTIONS_CACHE_URL: 'https://cache.example',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example',
    NPM_TOKEN: 'npm_abc',
    AWS_SECRET_ACCESS_KEY: 'aws',
    DB_PASSWORD: 'pw',
    SSH_AUTH_SOCK: '/tmp/agent',
    DEPLOY_KEY: 'k',
    KEYCLOAK_URL: 'https://sso.example',
    HARMLESS_LOOKING: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
    GITHUB_REPOSITORY: 'acme/service',
  };

  it('withholds the runner channels, inputs, runtime tokens and credential shapes', () => {
    const env = buildChildEnv(gate, { kind: 'command', passEnv: [], withheld: [], set: {} });
    expect(Object.keys(env).sort()).toEqual([
      'CI',
      'GITHUB_REPOSITORY',
      'HOME',
      'KEYCLOAK_URL',
      'PATH',
    ]);
  });

  it('passes exactly what pass_env names, and the command’s own env last', () => {
    const env = buildChildEnv(gate, {
      kind: 'command',
      passEnv: ['NPM_TOKEN', 'GITHUB_OUTPUT'],
      withheld: ['CI'],
      set: { MODE: 'x' },
    });
    expect(env).toMatchObject({ NPM_TOKEN: 'npm_abc', GITHUB_OUTPUT: '/tmp/out', MODE: 'x' });
    expect(env).not.toHaveProperty('CI');
  });

  it('gives tool probes and git the minimal environment only', () => {
    for (const kind of ['probe', 'git'] as const)
      expect(buildChildEnv({ ...gate, LC_ALL: 'C' }, { kind })).toEqual({
        PATH: '/usr/bin:/bin',
        HOME: '/home/runner',
        LC_ALL: 'C',
      });
  });

  it('a real command sees none of it', async () => {
    const { results } = await run([command('env', 'env')], {}, { ...gate, PATH: process.env.PATH });
    const names = results[0]!.outputTail.split('\n').map((line) => line.split('=')[0]);
    expect(names).not.toContain('GITHUB_OUTPUT');
    expect(names).not.toContain('INPUT_GITHUB-TOKEN');
    expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN');
    expect(names).toContain('GITHUB_REPOSITORY');
  });
});

describe('secrets in output', () => {
  const secret = 'S3cr3t-deploy-value-9f2c';

  it('masks a secret at every offset of a line far over 64 KiB (across chunks and cuts)', async () => {
    // A 400 000-character line with the secret every 9 973 characters, written in odd-sized pieces.
    const script = `const s=process.env.S;let line='';while(line.length<400000)line+='x'.repeat(9973-s.length)+s;
      let i=0;const step=[4093,65537,1,65536,8191];let k=0;
      function next(){if(i>=line.length){process.stdout.write('\\nend\\n');return;}
        const n=step[k++%step.length];process.stdout.write(line.slice(i,i+n),next);i+=n;}next();`;
    const { results, live, log } = await run(
      [command('long', `node -e "${script.replace(/\n\s*/g, '')}"`, { env: { S: secret } })],
      { redact: createRedactor([secret]) },
    );
    const expected = Math.ceil(400000 / 9973);
    for (const text of [live, log()]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 12));
      expect(text.split(MASK).length - 1).toBe(expected);
      expect(text).toContain('end');
    }
    expect(results[0]!.outputTail).not.toContain(secret.slice(0, 12));
  });

  it('masks a private key printed line by line as a whole block', async () => {
    const lines = [
      'before',
      'key: -----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB',
      'AAAAMwAAAAtzc2gtZWQyNTUxOQAAACD3q2m0yJ1x',
      '-----END OPENSSH PRIVATE KEY-----',
      'after',
    ];
    const printing = lines.map((l) => `echo '${l}'; sleep 0.05`).join('; ');
    const { results, live, log } = await run([command('pem', printing)]);
    for (const text of [live, log(), results[0]!.outputTail]) {
      expect(text).not.toContain('b3BlbnNzaC1');
      expect(text).not.toContain('AAAAMwAAAAtz');
      expect(text).toContain('before');
      expect(text).toContain(`key: ${MASK}`);
      expect(text).toContain('after');
    }
  });

  it('masks to the end of the output when a key never ends', async () => {
    const { live } = await run([
      command('cut', "echo '-----BEGIN RSA PRIVATE KEY-----'; echo MIIEpAIBAAKCAQEA; echo more"),
    ]);
    expect(live).not.toContain('MIIEpAIBAAKCAQEA');
    expect(live).not.toContain('more');
  });
});

describe('processes a command leaves behind', () => {
  it('finds ones that escaped with setsid -f or set -m, kills them and names them', async () => {
    const { results } = await run([
      command('escapes', 'setsid -f sleep 300.71; set -m; sleep 300.72 & echo started'),
      command('background', 'sleep 300.73 > /dev/null 2>&1 & echo started'),
      command('clean', 'echo ok'),
    ]);
    // Failed once in a dozen whole-suite runs under load, its message lost: say it all next time.
    const seen = JSON.stringify(
      results.map(({ id, leftovers, outputTail }) => ({ id, leftovers, outputTail })),
    );
    for (const marker of ['300.71', '300.72', '300.73'])
      expect(survivors(marker), seen).toEqual([]);
    const [escapes, background, clean] = results;
    // A leftover found between its fork and its exec still shows the shell's command line, which
    // names the same sleep; either spelling identifies it.
    const commands = (leftovers: { command: string }[] | undefined) =>
      (leftovers ?? []).map((p) => p.command);
    expect(commands(escapes!.leftovers), seen).toHaveLength(2);
    for (const line of commands(escapes!.leftovers)) expect(line).toMatch(/sleep 300\.7[12]/);
    expect(commands(escapes!.leftovers).join('|')).toMatch(/sleep 300\.71/);
    expect(commands(background!.leftovers), seen).toHaveLength(1);
    expect(commands(background!.leftovers)[0]).toContain('sleep 300.73');
    expect(clean!.leftovers, seen).toBeUndefined();
  });

  it('kills an escapee that ignores SIGTERM', async () => {
    // SIGKILL after 100 ms of SIGTERM being ignored (2 s by default: waiting it out is not the point).
    const { results } = await run(
      [command('stubborn', `setsid -f sh -c 'trap "" TERM; exec sleep 300.74'; echo started`)],
      {},
      process.env,
      100,
    );
    expect(survivors('300.74')).toEqual([]);
    expect(results[0]!.leftovers).toHaveLength(1);
  });

  it('on abort, kills escapees of the commands it stopped', async () => {
    const stop = new AbortController();
    // Abort once both sleeps exist (a fixed delay raced the shell's start on a loaded machine).
    // The escapee counts only once it runs `sleep` (setsid -f returns at its fork, before the
    // child has left the group: a stop then killed it with the group, and it left nothing).
    const started = setInterval(() => {
      if (survivors('300.75').length > 0 && survivors('300.76').length > 0) {
        clearInterval(started);
        stop.abort('interrupted');
      }
    }, 50);
    const { results } = await run([command('hangs', 'setsid -f sleep 300.75; sleep 300.76')], {
      signal: stop.signal,
    }).finally(() => clearInterval(started));
    expect(survivors('300.75')).toEqual([]);
    expect(survivors('300.76')).toEqual([]);
    expect(results[0]!.leftovers?.map((p) => p.command)).toContain('sleep 300.75');
  });
});

describe('tool probes', () => {
  it('run with the minimal environment, and nothing they start outlives the lookup', async () => {
    const lookup = createToolLookup(process.env.PATH, {
      ...process.env,
      'INPUT_GITHUB-TOKEN': 'ghs_probeprobeprobeprobeprobeprobeprobe',
      GITHUB_OUTPUT: '/tmp/out',
    });
    const tools = await lookup.lookup([
      {
        name: 'sh',
        minVersion: '0.0.1',
        versionArgs: ['-c', 'setsid -f sleep 300.77; env; echo 1.0.0'],
      },
    ]);
    const output = tools.sh!.versionOutput!;
    expect(output).toContain('1.0.0');
    // The escaped sleep holds the probe's stdout: the probe still counts as done, and the lookup
    // does not wait out the 10 s probe timeout (this test's own timeout is 5 s).
    expect(tools.sh!.probeFailure).toBeUndefined();
    expect(tools.sh!.versionExitCode).toBe(0);
    expect(output).not.toMatch(/INPUT_|GITHUB_OUTPUT|ghs_/);
    expect(survivors('300.77')).toEqual([]);
  }, 5_000);
});
