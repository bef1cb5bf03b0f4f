import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import { formatLocation } from '../../src/core/model.js';

const validator = createSchemaValidator();
const path = '.github/cutover-checkpoint.yml';

function errorsOf(text: string): string[] {
  const result = parseConfig(text, path, validator);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`);
}

const HEAD = 'version: 1\ngate:\n  name: g\n';

describe('parseConfig', () => {
  it('accepts a minimal config and fills defaults', () => {
    const result = parseConfig(`${HEAD}commands:\n  - id: t\n    run: npm test\n`, path, validator);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.commands[0]).toMatchObject({
      id: 't',
      cwd: '.',
      timeoutMs: 1_800_000,
      placeholder: 'fail',
      needs: [],
      // `npm test` delegates to the package.json script: found once, with the config.
      body: { path: 'package.json', kind: 'package-script', name: 'test' },
    });
    expect(result.config.labels.cutover.CONDITIONAL).toBe('CONDITIONAL');
    expect(result.config.limits.maxFileBytes).toBe(50 * 1024 * 1024);
  });

  it('accepts JSON configs too', () => {
    const result = parseConfig('{"version": 1, "gate": {"name": "g"}}', 'gate.json', validator);
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'unknown top-level key with a suggestion',
      `${HEAD}comands: []\n`,
      `${path}:4:1: unknown key 'comands' in (top level); did you mean 'commands'?`,
    ],
    [
      'unknown nested key with a suggestion',
      `${HEAD}commands:\n  - id: t\n    rn: x\n    run: y\n`,
      `${path}:6:5: unknown key 'rn' in /commands/0; did you mean 'run'?`,
    ],
    [
      'missing required key',
      'version: 1\ngate: {}\n',
      `${path}:2:7: /gate is missing required key 'name'`,
    ],
    [
      'wrong version',
      'version: 2\ngate: {name: g}\n',
      `${path}:1:10: /version must be 1 (found 2)`,
    ],
    [
      'bad enum',
      `${HEAD}joint_decision:\n  path: j.json\n  unsigned: {cutover: maybe}\n`,
      `${path}:6:23: /joint_decision/unsigned/cutover must be one of "fail", "pending" (found "maybe")`,
    ],
    [
      'bad sha',
      `${HEAD}baseline:\n  commit_sha: abc\n`,
      `${path}:5:15: /baseline/commit_sha must match ^[0-9a-f]{40}$ (found "abc")`,
    ],
    [
      'wrong type',
      `${HEAD}documents: docs\n`,
      `${path}:4:12: /documents must be array (found string "docs")`,
    ],
    // What a process cannot be given is a config error at its place, not a crash at the spawn.
    [
      'a NUL in a command line',
      `${HEAD}commands:\n  - {id: a, run: "echo \\0"}\n`,
      `${path}:5:18: /commands/0/run must match ^[^\\u0000]*$ (found "echo \\u0000"): Text handed to a process`,
    ],
    [
      'an environment name with =',
      `${HEAD}commands:\n  - {id: a, run: x, env: {"A=B": "1"}}\n`,
      `${path}:5:27: /commands/0/env has the key "A=B", which must match ^[^=\\u0000]+$: An environment variable name`,
    ],
    [
      'a NUL in an environment value',
      `${HEAD}commands:\n  - {id: a, run: x, env: {A: "\\0"}}\n`,
      `${path}:5:30: /commands/0/env/A must match`,
    ],
    [
      'an empty pass_env name',
      `${HEAD}commands:\n  - {id: a, run: x, pass_env: [""]}\n`,
      `${path}:5:32: /commands/0/pass_env/0 must match ^[^=\\u0000]+$ (found "")`,
    ],
    [
      'a NUL in a tool probe argument',
      `${HEAD}tools:\n  - {name: node, version_args: ["--version\\0"]}\n`,
      `${path}:5:33: /tools/0/version_args/0 must match ^[^\\u0000]*$`,
    ],
    ['YAML syntax error', `${HEAD}commands: [\n`, `${path}:5:1:`],
    ['duplicate key', `${HEAD}gate: {name: h}\n`, `${path}:4:1: Map keys must be unique`],
    ['not a mapping', '- a\n- b\n', `${path}:1:1: the config must be a mapping`],
  ])('refuses %s', (_name, text, expected) => {
    expect(errorsOf(text)[0]).toContain(expected);
  });

  it.each([
    [
      'a path escaping through ..',
      `${HEAD}documents:\n  - id: d\n    path: ../outside.md\n`,
      `${path}:6:11: path '../outside.md' leaves the workspace through '..'`,
    ],
    [
      'an absolute path',
      `${HEAD}artifacts:\n  - id: a\n    path: /etc/passwd\n`,
      `${path}:6:11: path '/etc/passwd' is absolute`,
    ],
    [
      'a duplicate id',
      `${HEAD}documents:\n  - {id: d, path: a.md}\n  - {id: d, path: b.md}\n`,
      `${path}:6:10: duplicate id 'd' in documents (first used at documents[0])`,
    ],
    [
      'an unknown artifact in handoff',
      `${HEAD}artifacts:\n  - {id: manifest, path: m.json}\nhandoff: {manifest: manifes, payload: manifest, modes: [stable]}\n`,
      `unknown artifact 'manifes'; did you mean 'manifest'?`,
    ],
    [
      'an unknown dependency',
      `${HEAD}commands:\n  - {id: a, run: x, needs: [bb]}\n  - {id: b, run: y}\n`,
      `command 'a' needs unknown command 'bb'; did you mean 'b'?`,
    ],
    [
      'a dependency cycle',
      `${HEAD}commands:\n  - {id: a, run: x, needs: [b]}\n  - {id: b, run: y, needs: [a]}\n`,
      'commands depend on each other in a cycle: a → b → a',
    ],
    [
      'a semver rule without operator',
      `${HEAD}artifacts:\n  - {id: m, path: m.json}\nrules:\n  - {id: r, type: semver, left: 'm#/v', value: '1.0.0'}\n`,
      "rule 'r' of type semver needs 'operator'",
    ],
    [
      'an invalid regular expression',
      `${HEAD}artifacts:\n  - {id: m, path: m.json}\nrules:\n  - {id: r, type: pattern, left: 'm#/v', pattern: '(['}\n`,
      'invalid regular expression "(["',
    ],
    [
      '{mode} without handoff',
      `${HEAD}artifacts:\n  - {id: m, path: m.json}\nrules:\n  - {id: r, type: equal, left: 'm#/modes/{mode}/x', value: 1}\n`,
      "'{mode}' needs a handoff section",
    ],
  ])('refuses %s', (_name, text, expected) => {
    expect(errorsOf(text).join('\n')).toContain(expected);
  });

  it('applies per-decision labels over global ones', () => {
    const result = parseConfig(
      `${HEAD}labels:\n  CONDITIONAL: maybe\n  cutover:\n    CONDITIONAL: CONDITIONAL CLOSE\n`,
      path,
      validator,
    );
    expect(result.ok && result.config.labels).toMatchObject({
      rehearsal: { CONDITIONAL: 'maybe' },
      cutover: { CONDITIONAL: 'CONDITIONAL CLOSE' },
    });
  });
});
