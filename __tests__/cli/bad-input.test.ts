// SPEC §8 through the built CLI: every bad input gives a clear message naming the file and place,
// exits 1 or 3 within seconds, and never prints a stack trace.
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_TRACE, workspace } from './cli-helpers.js';
import { commandLines } from '../support/command-lines.js';

const CONFIG = '.github/cutover-checkpoint.yml';
const HEAD = 'version: 1\ngate:\n  name: bad-input\n';
const withArtifact = (path: string, extra = '') =>
  `${HEAD}${extra}artifacts:\n  - id: a\n    path: ${path}\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  setup?: (dir: string) => void;
  args?: string[];
  exit: 1 | 3;
  mentions: string[];
}

const cases: Case[] = [
  {
    name: 'missing config',
    files: {},
    exit: 3,
    mentions: ['config not found at .github/cutover-checkpoint.yml'],
  },
  {
    name: 'unreadable config (a directory)',
    files: {},
    setup: (dir) => mkdirSync(join(dir, CONFIG), { recursive: true }),
    exit: 3,
    mentions: ['.github/cutover-checkpoint.yml could not be read', 'not a regular file'],
  },
  {
    name: 'malformed config YAML',
    files: { [CONFIG]: `${HEAD}artifacts: [\n` },
    exit: 3,
    mentions: [`${CONFIG}:5:1`],
  },
  {
    name: 'malformed config JSON',
    files: { 'gate.json': '{"version": 1,\n "gate": {"name": "x"},,\n}' },
    args: ['--config', 'gate.json'],
    exit: 3,
    mentions: ['gate.json:2:24', 'expected a member name in double quotes'],
  },
  {
    name: 'unknown config key',
    files: { [CONFIG]: `${HEAD}documnets: []\n` },
    exit: 3,
    mentions: [`${CONFIG}:4:1: unknown key 'documnets' in (top level); did you mean 'documents'?`],
  },
  {
    name: 'config path escaping with ..',
    files: { [CONFIG]: withArtifact('../../etc/passwd') },
    exit: 3,
    mentions: [`${CONFIG}:6:11: path '../../etc/passwd' leaves the workspace through '..'`],
  },
  {
    name: 'absolute artifact path',
    files: { [CONFIG]: withArtifact('/etc/passwd') },
    exit: 3,
    mentions: [`${CONFIG}:6:11: path '/etc/passwd' is absolute`],
  },
  {
    name: '--config outside the workspace',
    files: {},
    args: ['--config', '../x.yml'],
    exit: 3,
    mentions: ["config path '../x.yml' leaves the workspace"],
  },
  {
    name: 'missing artifact',
    files: { [CONFIG]: withArtifact('a.json') },
    exit: 1,
    mentions: ["artifact 'a' not found at a.json"],
  },
  {
    name: 'malformed JSON artifact',
    files: { [CONFIG]: withArtifact('a.json'), 'a.json': '{\n  "x": [1, 2,]\n}' },
    exit: 1,
    mentions: ['a.json:2:14', 'trailing comma in array'],
  },
  {
    name: 'malformed YAML artifact',
    files: { [CONFIG]: withArtifact('a.yaml'), 'a.yaml': 'a: 1\n  b: 2\n' },
    exit: 1,
    mentions: ['a.yaml:1:4', 'Nested mappings are not allowed'],
  },
  {
    name: 'duplicate keys in a JSON artifact',
    files: { [CONFIG]: withArtifact('a.json'), 'a.json': '{"tag": "v1",\n "tag": "v2"}' },
    exit: 1,
    mentions: ['a.json:2:2', 'duplicate key "tag"'],
  },
  {
    name: '__proto__ key',
    files: { [CONFIG]: withArtifact('a.json'), 'a.json': '{"__proto__": {"isAdmin": true}}' },
    exit: 1,
    mentions: ['a.json:1:2', 'forbidden key "__proto__"'],
  },
  {
    name: 'constructor key',
    files: { [CONFIG]: withArtifact('a.yaml'), 'a.yaml': 'x:\n  constructor: 1\n' },
    exit: 1,
    mentions: ['a.yaml:2:3', 'forbidden key "constructor"'],
  },
  {
    name: 'symlink out of the workspace',
    files: { [CONFIG]: withArtifact('a.json') },
    setup: (dir) => symlinkSync('/etc/hostname', join(dir, 'a.json')),
    exit: 1,
    mentions: ['a.json', 'symlink that leads outside the workspace'],
  },
  {
    name: 'huge file',
    files: { [CONFIG]: withArtifact('a.json') },
    // A sparse file: 51 MiB by size (what the limit reads) without writing 51 MiB of bytes.
    setup: (dir) => {
      writeFileSync(join(dir, 'a.json'), '');
      truncateSync(join(dir, 'a.json'), 51 * 1024 * 1024);
    },
    exit: 1,
    mentions: ['a.json', 'is 51 MiB, over the 50 MiB limit'],
  },
  {
    name: 'deep nesting',
    files: {
      [CONFIG]: withArtifact('a.json'),
      'a.json': '['.repeat(200_000) + ']'.repeat(200_000),
    },
    exit: 1,
    mentions: ['a.json:1:65', 'nesting deeper than 64 levels'],
  },
  {
    name: 'schema that does not compile',
    files: {
      [CONFIG]: `${HEAD}artifacts:\n  - {id: a, path: a.json, schema: s.json}\n`,
      'a.json': '{}',
      's.json': '{"type": 12}',
    },
    exit: 1,
    mentions: ['schema s.json does not compile'],
  },
  {
    name: 'schema that $refs the network',
    files: {
      [CONFIG]: `${HEAD}artifacts:\n  - {id: a, path: a.json, schema: s.json}\n`,
      'a.json': '{}',
      's.json': '{"$ref": "http://schemas.example.com/a.json"}',
    },
    exit: 1,
    mentions: ['refers to the network (http://schemas.example.com/a.json)'],
  },
  {
    name: 'malformed schema file',
    files: {
      [CONFIG]: `${HEAD}artifacts:\n  - {id: a, path: a.json, schema: s.json}\n`,
      'a.json': '{}',
      's.json': '{"type": "object",}',
    },
    exit: 1,
    mentions: ['schema s.json:1:19 is not valid'],
  },
  {
    name: 'command that does not exist',
    files: {
      [CONFIG]: `${HEAD}commands:\n  - {id: ghost, run: definitely-not-a-command --flag}\n`,
    },
    exit: 1,
    mentions: ['command.ghost', 'exited 127 (command not found'],
  },
  {
    name: 'command that is not executable',
    files: {
      [CONFIG]: `${HEAD}commands:\n  - {id: noexec, run: ./script.sh}\n`,
      'script.sh': 'echo hi\n',
    },
    exit: 1,
    mentions: ['exited 126 (found but not executable'],
  },
  {
    name: 'command that kills itself',
    files: { [CONFIG]: `${HEAD}commands:\n  - {id: suicide, run: 'kill -9 $$'}\n` },
    exit: 1,
    mentions: ['command.suicide', 'SIGKILL'],
  },
  {
    name: 'command in a missing directory',
    files: { [CONFIG]: `${HEAD}commands:\n  - {id: lost, run: 'true', cwd: nowhere}\n` },
    exit: 1,
    mentions: ["working directory 'nowhere' does not exist"],
  },
  {
    name: 'unknown option',
    files: {},
    args: ['--frobnicate'],
    exit: 3,
    mentions: ["unknown option '--frobnicate'", '--help'],
  },
  {
    name: 'bad decision',
    files: {},
    args: ['--decision', 'launch'],
    exit: 3,
    mentions: ["--decision must be rehearsal or cutover (got 'launch')"],
  },
];

describe('bad input (SPEC §8)', () => {
  it.each(cases)(
    '$name → exit $exit with the file and place',
    async ({ files, setup, args, exit, mentions }) => {
      const dir = workspace(files);
      try {
        setup?.(dir);
        const run = await cli(['run', ...(args ?? [])], dir);
        const output = run.stdout + run.stderr;
        expect(run.status, output).toBe(exit);
        for (const mention of mentions) expect(output).toContain(mention);
        expect(output).not.toMatch(STACK_TRACE);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('a hanging command is killed at its timeout, with its grandchildren, and the rest is kept', async () => {
    const dir = workspace({
      [CONFIG]: `${HEAD}command_defaults: {concurrency: 2}\ncommands:\n  - {id: hangs, run: 'sleep 313.5 & sleep 314.5', timeout: 1s}\n  - {id: fine, run: 'node -e "console.log(1 + \\" passed, 0 failed\\")"'}\n`,
    });
    try {
      const run = await cli(['run', '--json'], dir);
      expect(run.status).toBe(1);
      const record = JSON.parse(run.stdout);
      const hangs = record.commands.find((c: { id: string }) => c.id === 'hangs');
      expect(hangs).toMatchObject({ timed_out: true, exit_code: null });
      // Stopped at its timeout (1s), not before it (timers may round by a millisecond or so).
      expect(hangs.duration_ms).toBeGreaterThanOrEqual(990);
      expect(record.checks.find((c: { id: string }) => c.id === 'command.hangs').summary).toContain(
        'timed out after 1s',
      );
      expect(record.checks.find((c: { id: string }) => c.id === 'command.fine').status).toBe(
        'pass',
      );
      const survivors = commandLines().filter((line) => /^sleep 31[34]\.5$/.test(line.trim()));
      expect(survivors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a command flooding its output keeps a bounded tail in the record and the whole log on disk', async () => {
    const dir = workspace({
      [CONFIG]: `${HEAD}commands:\n  - {id: flood, run: 'head -c 20000000 /dev/zero | tr \\\\0 x; echo; echo 1 passed, 0 failed'}\n`,
    });
    try {
      const run = await cli(['run', '--json'], dir);
      expect(run.status).toBe(0);
      const command = JSON.parse(run.stdout).commands[0];
      expect(command.output_bytes).toBe(20_000_000 + 1 + 'x1 passed, 0 failed'.length);
      expect(command.output_tail.length).toBeLessThanOrEqual(16 * 1024);
      expect(command.output_tail).toContain('1 passed, 0 failed');
      // Bytes, not a 20-million-character string: decoding it was a third of this case's time.
      const log = readFileSync(command.log_path);
      expect(log.length).toBe(command.output_bytes);
      expect(log.subarray(-40).toString()).toMatch(/xxx\n1 passed, 0 failed\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('other commands', () => {
  it('schema prints a built-in schema', async () => {
    const run = await cli(['schema', 'producer-manifest'], '.');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).title).toBe('Producer contract manifest');
    expect((await cli(['schema', 'nope'], '.')).status).toBe(3);
  });

  it('init writes a config that validates, and refuses to overwrite it', async () => {
    const dir = workspace({ 'README.md': '# svc\n' });
    try {
      expect((await cli(['init'], dir)).status).toBe(0);
      // The config is valid (not exit 3); the scaffold's release tag is always checked, and its
      // commands are pending on a validate, so the verdict is not GO yet.
      const validate = await cli(['validate'], dir);
      expect(validate.status, validate.stdout + validate.stderr).toBe(1);
      expect(validate.stdout).toContain('git.release-tag');
      const again = await cli(['init'], dir);
      expect(again.status).toBe(3);
      expect(again.stderr).toContain('refusing to overwrite');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help and --version answer without running anything', async () => {
    expect((await cli(['--help'], '.')).stdout).toContain(
      'Exit codes: 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run.',
    );
    expect((await cli(['--version'], '.')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
