// Fills defaults into a schema-valid, semantically checked config and gives it its typed shape.

import {
  DECISIONS,
  type Baseline,
  type Decision,
  type DecisionState,
  type SourceLocation,
} from '../model.js';
import { normalizeWorkspacePath } from '../workspace-path.js';
import type { ArtifactRef, CheckpointConfig, CommandConfig, RuleConfig } from './config-types.js';
import { parseDuration } from './duration.js';
import { normalizeJointDecision } from './normalize-joint-decision.js';
import { findBodySource } from '../commands/command-body.js';

type Raw = Record<string, unknown>;

/** Default per-command timeout: 30 minutes. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30 * 60_000;
/** Default size limit per file read: 50 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Default nesting limit for artifacts. */
export const DEFAULT_MAX_DEPTH = 64;
/** The highest `limits.max_depth` a config may set (the config schema's maximum). */
export const MAX_DEPTH_LIMIT = 1000;

const STATES: DecisionState[] = ['GO', 'NO-GO', 'CONDITIONAL'];

/** Builds the typed config from a raw value that passed schema and semantic checks. */
export function normalizeConfig(
  raw: Raw,
  path: string,
  at: (pointer: string) => SourceLocation,
  inexactNumbers?: ReadonlyMap<string, string>,
): CheckpointConfig {
  const list = (key: string) => (raw[key] as Raw[] | undefined) ?? [];
  const section = (key: string) => raw[key] as Raw | undefined;
  const workspacePath = (value: unknown) => {
    const normalized = normalizeWorkspacePath(String(value));
    return normalized.ok ? normalized.path : String(value);
  };
  const defaults = section('command_defaults') ?? {};
  const limits = section('limits') ?? {};
  const handoff = section('handoff');
  const changelog = section('changelog');
  const joint = section('joint_decision');
  const consumer = section('consumer');
  const incidents = section('incidents');

  const locations: Record<string, SourceLocation> = {};
  for (const key of Object.keys(raw)) locations[`/${key}`] = at(`/${key}`);
  list('artifacts').forEach((_, i) => (locations[`/artifacts/${i}`] = at(`/artifacts/${i}`)));
  list('commands').forEach((_, i) => (locations[`/commands/${i}`] = at(`/commands/${i}`)));
  list('documents').forEach((_, i) => (locations[`/documents/${i}`] = at(`/documents/${i}`)));
  for (const key of Object.keys(section('baseline') ?? {}))
    locations[`/baseline/${key}`] = at(`/baseline/${key}`);

  return {
    path,
    gate: raw.gate as CheckpointConfig['gate'],
    labels: normalizeLabels(section('labels') ?? {}),
    baseline: (section('baseline') ?? {}) as Baseline,
    limits: {
      maxFileBytes: (limits.max_file_bytes as number | undefined) ?? DEFAULT_MAX_FILE_BYTES,
      maxDepth: (limits.max_depth as number | undefined) ?? DEFAULT_MAX_DEPTH,
    },
    artifacts: list('artifacts').map((a) => ({
      id: String(a.id),
      path: workspacePath(a.path),
      format: a.format as 'json' | 'yaml' | undefined,
      schema:
        typeof a.schema === 'string' && !a.schema.startsWith('builtin:')
          ? workspacePath(a.schema)
          : (a.schema as string | undefined),
    })),
    handoff: handoff && {
      manifest: String(handoff.manifest),
      payload: String(handoff.payload),
      modes: handoff.modes as string[],
      requireTag: handoff.require_tag !== false,
    },
    rules: list('rules').map((rule, i) => {
      const base = `/rules/${i}/value`;
      const numbers = [...(inexactNumbers ?? [])].filter(
        ([p]) => p === base || p.startsWith(`${base}/`),
      );
      return normalizeRule(
        rule,
        numbers.map(([p, text]) => [p.slice(base.length), text]),
      );
    }),
    documents: list('documents').map((d) => ({
      id: String(d.id),
      path: workspacePath(d.path),
      contains: (d.contains as string[] | undefined) ?? [],
      headings: (d.headings as string[] | undefined) ?? [],
      maxAgeDays: d.max_age_days as number | undefined,
      checklistComplete: d.checklist_complete === true,
    })),
    changelog: changelog && {
      path: workspacePath(changelog.path),
      impactPattern: (changelog.impact_pattern as string | undefined) ?? 'consumer impact',
    },
    tools: list('tools').map((t) => ({
      name: String(t.name),
      minVersion: t.min_version as string | undefined,
      versionArgs: (t.version_args as string[] | undefined) ?? ['--version'],
      ...(t.allow_prerelease === true ? { allowPrerelease: true } : {}),
      probe: t.min_version !== undefined || t.version_args !== undefined,
    })),
    commandSettings: {
      concurrency: defaults.concurrency as number | undefined,
      runTimeoutMs: parseDuration(defaults.run_timeout),
      mutationPatterns: (defaults.mutation_patterns as string[] | undefined) ?? [],
      secretEnv: (defaults.secret_env as string[] | undefined) ?? [],
    },
    commands: list('commands').map((c) => normalizeCommand(c, defaults, workspacePath)),
    incidents: incidents && {
      repository: incidents.repository as string | undefined,
      labels: incidents.labels as string[],
    },
    consumer: consumer && {
      repository: consumer.repository as string | undefined,
      ref: consumer.ref as string | undefined,
      checkName: consumer.check_name as string | undefined,
      record: consumer.record === undefined ? undefined : workspacePath(consumer.record),
    },
    jointDecision: joint && normalizeJointDecision(joint, workspacePath(joint.path)),
    checkPolicies: Object.entries(section('checks') ?? {}).map(([pattern, policy]) => ({
      pattern,
      blocks: (policy as Raw).blocks as Decision[] | undefined,
      abort: (policy as Raw).abort as boolean | undefined,
    })),
    waivers: list('waivers') as unknown as CheckpointConfig['waivers'],
    protectedPaths: (raw.protected_paths as string[] | undefined) ?? [],
    locations,
  };
}

function normalizeLabels(raw: Raw): CheckpointConfig['labels'] {
  const labels = {} as CheckpointConfig['labels'];
  for (const decision of DECISIONS) {
    const perDecision = (raw[decision] as Raw | undefined) ?? {};
    labels[decision] = {} as Record<DecisionState, string>;
    for (const state of STATES) {
      labels[decision][state] =
        (perDecision[state] as string | undefined) ?? (raw[state] as string | undefined) ?? state;
    }
  }
  return labels;
}

/** Splits `artifact#/pointer` into its parts. */
export function parseArtifactRef(ref: string): ArtifactRef {
  const index = ref.indexOf('#');
  return { artifact: ref.slice(0, index), pointer: ref.slice(index + 1) };
}

function normalizeRule(rule: Raw, numbers: [string, string][]): RuleConfig {
  return {
    ...(numbers.length > 0 ? { valueNumbers: new Map(numbers) } : {}),
    id: String(rule.id),
    type: rule.type as RuleConfig['type'],
    left: parseArtifactRef(String(rule.left)),
    right: typeof rule.right === 'string' ? parseArtifactRef(rule.right) : undefined,
    value: rule.value,
    hasValue: Object.hasOwn(rule, 'value'),
    operator: rule.operator as RuleConfig['operator'],
    pattern: rule.pattern as string | undefined,
    schema: rule.schema as string | undefined,
    description: rule.description as string | undefined,
  };
}

function normalizeCommand(
  command: Raw,
  defaults: Raw,
  workspacePath: (value: unknown) => string,
): CommandConfig {
  const cwd = command.cwd === undefined ? '.' : workspacePath(command.cwd);
  const body = findBodySource(String(command.run), cwd);
  return {
    id: String(command.id),
    run: String(command.run),
    cwd,
    env: (command.env as Record<string, string> | undefined) ?? {},
    secretEnv: (command.secret_env as string[] | undefined) ?? [],
    timeoutMs:
      parseDuration(command.timeout) ??
      parseDuration(defaults.timeout) ??
      DEFAULT_COMMAND_TIMEOUT_MS,
    needs: (command.needs as string[] | undefined) ?? [],
    reportsTests: command.reports_tests === true,
    mutates: command.mutates === true,
    shell: command.shell as string | undefined,
    passEnv: (command.pass_env as string[] | undefined) ?? [],
    placeholder:
      (command.placeholder as 'fail' | 'warn' | undefined) ??
      (defaults.placeholder as 'fail' | 'warn' | undefined) ??
      'fail',
    body,
  };
}
