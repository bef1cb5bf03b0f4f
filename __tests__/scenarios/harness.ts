// Scenario harness: copy an example into a temp dir, apply the scenario's mutations, run the real
// pipeline (real files, real parsing) with fake git/tools/runner and a fixed clock, so the record
// and report are deterministic and can be compared byte for byte with golden files.

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheckpoint, type RunOutcome, type RunRequest } from '../../src/app/run-checkpoint.js';
import type { CommandRunnerPort, Ports } from '../../src/app/ports.js';
import type {
  CommandResult,
  GitEvidence,
  GitFacts,
  ToolEvidence,
} from '../../src/core/evidence.js';
import type { Baseline, Decision } from '../../src/core/model.js';
import { createFsWorkspace } from '../../src/adapters/fs-workspace.js';
import { formatPointer, parsePointer } from '../../src/core/parse/json-pointer.js';

export const FIXED_NOW = new Date('2026-02-08T12:00:00.000Z');
const ROOT = join(import.meta.dirname, '..', '..');

/** A scenario as written in scenario.json. */
export interface Scenario {
  description: string;
  base: 'service-v3-cutover' | 'step22-production-cutover' | 'empty';
  decision?: Decision;
  modes?: string[];
  inputs?: Baseline;
  runCommands?: boolean;
  set?: { file: string; pointer: string; value?: unknown; delete?: boolean }[];
  replace?: { file: string; from: string; to: string }[];
  write?: Record<string, string>;
  /** Files to create with a repeated string: { path: [text, times] }. */
  repeat?: Record<string, [string, number]>;
  remove?: string[];
  symlinks?: Record<string, string>;
  git?: Partial<GitFacts> | Extract<GitEvidence, { kind: 'unavailable' }>;
  /** A pull-request run: the base commit and its gate config text (null: absent at base). */
  baseSha?: string;
  baseConfig?: string | null;
  /** Derive the base config from the scenario's own config with this edit. */
  baseConfigEdit?: { from: string; to: string };
  /** Workspace paths git reports changed since the base (for protected paths). */
  changed?: string[];
  /** Other files as the base has them (null: absent there); default: as in the tree. */
  baseFiles?: Record<string, string | null>;
  /** `validate` instead of `run`. */
  scope?: 'run' | 'validate';
  tools?: Record<string, ToolEvidence>;
  commands?: Record<string, Partial<CommandResult> & { output?: string }>;
  expect: {
    unusable?: boolean;
    verdict?: string;
    rehearsal?: string;
    cutover?: string;
    failing?: string[];
    mentions?: string[];
  };
}

/** Builds the workspace for a scenario in a fresh temp dir. */
export function prepareWorkspace(scenario: Scenario): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-scenario-'));
  if (scenario.base !== 'empty')
    cpSync(join(ROOT, 'examples', scenario.base), dir, { recursive: true });
  for (const edit of scenario.set ?? []) {
    const file = join(dir, edit.file);
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    setPointer(value, edit.pointer, edit.value, edit.delete === true);
    writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  }
  for (const edit of scenario.replace ?? []) {
    const file = join(dir, edit.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(edit.from))
      throw new Error(`scenario replace: '${edit.from}' not found in ${edit.file}`);
    writeFileSync(
      file,
      text.replace(edit.from, () => edit.to),
    );
  }
  for (const [path, text] of Object.entries(scenario.write ?? {})) writeAt(join(dir, path), text);
  for (const [path, [text, times]] of Object.entries(scenario.repeat ?? {}))
    writeAt(join(dir, path), text.repeat(times));
  for (const path of scenario.remove ?? []) rmSync(join(dir, path), { force: true });
  for (const [path, target] of Object.entries(scenario.symlinks ?? {})) {
    rmSync(join(dir, path), { force: true });
    symlinkSync(target, join(dir, path));
  }
  return dir;
}

function writeAt(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function setPointer(root: unknown, pointer: string, value: unknown, remove: boolean): void {
  const segments = parsePointer(pointer);
  const last = segments.pop()!;
  let node = root as Record<string, unknown>;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  if (node === undefined)
    throw new Error(`scenario set: ${formatPointer(segments)} does not exist`);
  if (remove) delete node[last];
  else node[last] = value;
}

/** The lock's release tag and sha from the copied config, for the default git evidence. */
function readLock(dir: string): { tag?: string; sha?: string } {
  try {
    const text = readFileSync(join(dir, '.github/cutover-checkpoint.yml'), 'utf8');
    return {
      tag: /^\s+release_tag:\s*(\S+)/m.exec(text)?.[1],
      sha: /^\s+commit_sha:\s*(\S+)/m.exec(text)?.[1],
    };
  } catch {
    return {};
  }
}

/** Runs the pipeline on a prepared workspace with the scenario's fakes. */
export async function runScenario(scenario: Scenario, dir: string): Promise<RunOutcome> {
  return runCheckpoint(createScenarioPorts(scenario, dir), scenarioRequest(scenario));
}

/** Fake git, tools, runner, lookups, output and clock for a scenario; real files under `dir`. */
export function createScenarioPorts(scenario: Scenario, dir: string): Ports {
  const lock = readLock(dir);
  if (scenario.baseConfigEdit) {
    const text = readFileSync(join(dir, '.github/cutover-checkpoint.yml'), 'utf8');
    if (!text.includes(scenario.baseConfigEdit.from))
      throw new Error(`baseConfigEdit: '${scenario.baseConfigEdit.from}' not found`);
    scenario = {
      ...scenario,
      baseConfig: text.replace(scenario.baseConfigEdit.from, () => scenario.baseConfigEdit!.to),
    };
  }
  const written: Record<string, string> = {};
  const runner: CommandRunnerPort = {
    async run(commands) {
      return commands.map((command, index): CommandResult => {
        const override = scenario.commands?.[command.id] ?? {};
        return {
          id: command.id,
          run: command.run,
          cwd: command.cwd,
          state: 'ran',
          exitCode: 0,
          signal: null,
          timedOut: false,
          startedMs: index * 1000,
          durationMs: 1000,
          outputTail: override.output ?? `${command.id}: 3 passed, 0 failed\n`,
          outputBytes: (override.output ?? '').length,
          ...override,
        };
      });
    },
  };
  const ports: Ports = {
    workspace: createFsWorkspace(dir),
    git: {
      async readFileAt(_ref, path) {
        const baseFile = scenario.baseFiles?.[path];
        if (baseFile === null) return { kind: 'missing' as const, path };
        if (baseFile !== undefined)
          return {
            kind: 'ok' as const,
            path,
            text: baseFile,
            sha256: createHash('sha256').update(baseFile).digest('hex'),
            bytes: Buffer.byteLength(baseFile),
          };
        if (path !== '.github/cutover-checkpoint.yml') {
          // Other policy files (schemas) are as in the tree unless the scenario says otherwise.
          const read = await createFsWorkspace(dir).readFile(path, 1 << 30);
          return read.kind === 'unavailable' ? { kind: 'missing' as const, path } : read;
        }
        return scenario.baseConfig === undefined
          ? { kind: 'unavailable' as const, path, reason: 'no base in this scenario' }
          : scenario.baseConfig === null
            ? { kind: 'missing' as const, path }
            : {
                kind: 'ok' as const,
                path,
                text: scenario.baseConfig,
                sha256: createHash('sha256').update(scenario.baseConfig).digest('hex'),
                bytes: Buffer.byteLength(scenario.baseConfig),
              };
      },
      async modifiedFiles() {
        return { kind: 'ok' as const, value: [] };
      },
      async changedPaths() {
        return { kind: 'ok' as const, paths: scenario.changed ?? [], outside: [] };
      },
      async inspect({ tags, paths }) {
        // A scenario's git may be `{ kind: 'unavailable', reason }`: then nothing else is known.
        if (scenario.git?.kind === 'unavailable') return scenario.git;
        return {
          kind: 'ok' as const,
          shallow: false,
          head: '1111111111111111111111111111111111111111',
          tagCount: 3,
          tags: Object.fromEntries(
            tags.map((tag) => [tag, tag === lock.tag ? (lock.sha ?? null) : null]),
          ),
          lastCommit: Object.fromEntries(paths.map((path) => [path, '2026-02-07T12:00:00.000Z'])),
          tagDates: Object.fromEntries(
            tags.map((tag) => [tag, tag === lock.tag ? '2026-02-07T12:00:00.000Z' : null]),
          ),
          ...scenario.git,
        };
      },
    },
    tools: {
      async lookup(tools) {
        return Object.fromEntries(
          tools.map((tool) => [
            tool.name,
            scenario.tools?.[tool.name] ?? {
              found: true,
              path: `/usr/bin/${tool.name}`,
              versionOutput: `${tool.name} v22.1.0`,
            },
          ]),
        );
      },
    },
    runner,
    lookups: {
      incidents: async () => ({ kind: 'unavailable', reason: 'no token in scenarios' }),
      consumerCheck: async () => ({ kind: 'unavailable', reason: 'no token in scenarios' }),
      signoff: async ({ teams }) => ({
        pullRequest: { kind: 'unavailable', reason: 'no token in scenarios' },
        runApprovals: { kind: 'unavailable', reason: 'no token in scenarios' },
        teams: Object.fromEntries(
          teams.map((t) => [t, { kind: 'unavailable', reason: 'no token in scenarios' }]),
        ),
      }),
    },
    output: {
      async writeFile(path, text) {
        written[path] = text;
        return `<evidence>/${path}`;
      },
    },
    logger: { info: () => undefined, warn: () => undefined },
    environment: {},
    now: () => FIXED_NOW,
  };
  return ports;
}

/** The run request a scenario stands for. */
export function scenarioRequest(scenario: Scenario): RunRequest {
  return {
    configPath: '.github/cutover-checkpoint.yml',
    decision: scenario.decision ?? 'rehearsal',
    modes: scenario.modes ?? [],
    inputs: scenario.inputs ?? {},
    scope: scenario.scope ?? 'run',
    runCommands: scenario.runCommands ?? true,
    notRunReason:
      scenario.scope === 'validate' ? 'validate does not run commands' : '--no-commands was given',
    ...(scenario.baseSha ? { trustedRef: { kind: 'ref' as const, ref: scenario.baseSha } } : {}),
    context: {
      repository: 'acme/memory-kernel',
      sha: null,
      ref: 'refs/heads/main',
      event: 'push',
      runUrl: null,
    },
  };
}
