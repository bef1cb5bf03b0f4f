// Generates the benchmark workspaces.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SHA = 'a'.repeat(40);

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * A workspace with a `codes`-code manifest and a payload of about `payloadBytes`, spread over
 * `modes` handoff modes (each a full copy of the enum plus its share of the catalog).
 */
export function createLargeArtifactWorkspace({
  codes = 100_000,
  payloadBytes = 10 * 1024 * 1024,
  modes = 1,
} = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cc-bench-large-'));
  const errorCodes = Array.from({ length: codes }, (_, i) => `E_${String(i).padStart(6, '0')}`);
  const baseline = {
    release_tag: 'v1.0.0',
    commit_sha: SHA,
    service_contract_version: 'service.v2',
    api_contract_version: 'api.v1',
    integration_baseline: 'integration/v1',
  };
  const manifest = {
    manifest_version: 1,
    producer: 'bench',
    ...baseline,
    error_code_enum: errorCodes,
    envelopes: {
      'service.v2': { required: ['error.code', 'error.message'], error_code_field: 'error.code' },
    },
    handoff_modes: {},
  };
  const modeNames = Array.from({ length: modes }, (_, i) => (i === 0 ? 'stable' : `mode-${i}`));
  for (const name of modeNames)
    manifest.handoff_modes[name] = {
      service_contract_version: 'service.v2',
      required_fields: ['catalog'],
    };
  const catalog = [];
  const payload = {
    handoff_version: 1,
    producer: 'bench',
    ...baseline,
    generated_at: '2026-02-08T00:00:00Z',
    modes: Object.fromEntries(
      modeNames.map((name) => [
        name,
        {
          service_contract_version: 'service.v2',
          error_code_enum: errorCodes,
          error_envelope_example: { error: { code: errorCodes[42], message: 'x' } },
          catalog,
        },
      ]),
    ),
  };
  // Fill the catalog until the payload reaches the target size.
  const entry = {
    operation: 'getMemory',
    path: '/memories/{id}',
    codes: errorCodes.slice(0, 8),
    description: 'x'.repeat(64),
  };
  const entryBytes = JSON.stringify(entry).length + 1;
  const fill = Math.max(
    0,
    Math.floor((payloadBytes - JSON.stringify(payload).length) / entryBytes / modes),
  );
  for (let i = 0; i < fill; i++) catalog.push(entry);
  write(root, 'manifest.json', JSON.stringify(manifest));
  write(root, 'payload.json', JSON.stringify(payload));
  write(
    root,
    '.github/cutover-checkpoint.yml',
    [
      'version: 1',
      'gate: { name: bench-large }',
      'baseline:',
      ...Object.entries(baseline).map(([k, v]) => `  ${k}: ${v}`),
      'artifacts:',
      '  - { id: manifest, path: manifest.json, schema: "builtin:producer-manifest" }',
      '  - { id: payload, path: payload.json, schema: "builtin:handoff-payload" }',
      `handoff: { manifest: manifest, payload: payload, modes: [${modeNames.join(', ')}] }`,
      // Above the 50 MiB default: the 100 MB case must be read, not refused.
      `limits: { max_file_bytes: ${Math.max(50 * 1024 * 1024, 2 * payloadBytes)} }`,
      '',
    ].join('\n'),
  );
  return root;
}

/**
 * The first example as a real git repository (via the demo builder). `commands: false` drops the
 * config's `commands:` block in one more commit: the Action has no switch to skip them, and the
 * start-up row measures the gate, not the example's test suites (the CLI row uses --no-commands).
 */
export async function createDemoWorkspace({ commands = true } = {}) {
  const { buildDemoRepo } = await import('../scripts/demo-repo.mjs');
  const root = join(mkdtempSync(join(tmpdir(), 'cc-bench-demo-')), 'service-v3-cutover');
  buildDemoRepo(new URL('../examples/service-v3-cutover', import.meta.url).pathname, root);
  if (!commands) {
    const config = join(root, '.github/cutover-checkpoint.yml');
    const text = readFileSync(config, 'utf8');
    const stripped = text.replace(/^commands:\n(?:[ #].*\n|\n)*/m, '');
    if (stripped === text) throw new Error('the first example has no commands block to drop');
    writeFileSync(config, stripped);
    const identity = ['-c', 'user.name=b', '-c', 'user.email=b@example.invalid'];
    execFileSync('git', [...identity, 'commit', '-qam', 'bench: no commands'], { cwd: root });
  }
  execFileSync('git', ['status', '--short'], { cwd: root });
  return root;
}

/** A gate with `count` documents that each require a `max_age_days`, in a git repository. */
export function createDocumentsWorkspace({ count = 100, maxAge = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cc-bench-docs-'));
  const lines = ['version: 1', 'gate: { name: bench-docs }', 'documents:'];
  for (let i = 0; i < count; i++) {
    write(root, `docs/doc-${i}.md`, `# Document ${i}\n\n## Rollback\n\nSteps.\n`);
    lines.push(
      `  - { id: doc-${i}, path: docs/doc-${i}.md, headings: [Rollback]${maxAge ? ', max_age_days: 365' : ''} }`,
    );
  }
  write(root, '.github/cutover-checkpoint.yml', lines.join('\n') + '\n');
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.name=b', '-c', 'user.email=b@example.invalid', 'add', '.');
  git('-c', 'user.name=b', '-c', 'user.email=b@example.invalid', 'commit', '-qm', 'docs');
  return root;
}
