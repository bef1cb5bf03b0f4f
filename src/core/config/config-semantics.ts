// Checks a schema-valid config for what a schema cannot say: ids that must exist and be unique,
// paths inside the workspace, dependency cycles, regular expressions that compile.

import type { SourceLocation } from '../model.js';
import { normalizeWorkspacePath } from '../workspace-path.js';
import type { ConfigError } from './config-types.js';
import { suggestName } from './did-you-mean.js';
import { checkProtectedPolicy } from './protected-policy.js';
import { checkDurationRange } from './duration.js';
import { checkJointDecisionSemantics } from './joint-decision-semantics.js';

type Raw = Record<string, unknown>;
type Locate = (pointer: string, key?: boolean) => SourceLocation;

/** Every semantic problem in the config, each at its place. */
export function checkConfigSemantics(config: Raw, at: Locate): ConfigError[] {
  const errors: ConfigError[] = [];
  const error = (pointer: string, message: string) =>
    errors.push({ message, location: at(pointer) });
  const list = (key: string) => (config[key] as Raw[] | undefined) ?? [];

  for (const key of ['artifacts', 'rules', 'documents', 'commands'])
    checkUniqueIds(list(key), key, error);
  checkPaths(config, error);

  const artifactIds = list('artifacts').map((a) => String(a.id));
  const knownArtifact = (pointer: string, id: string) => {
    if (!artifactIds.includes(id)) {
      const suggestion = suggestName(id, artifactIds);
      error(
        pointer,
        `unknown artifact '${id}'${suggestion ? `; did you mean '${suggestion}'?` : artifactIds.length ? `; artifacts are: ${artifactIds.join(', ')}` : '; no artifacts are declared'}`,
      );
    }
  };
  const handoff = config.handoff as Raw | undefined;
  if (handoff) {
    knownArtifact('/handoff/manifest', String(handoff.manifest));
    knownArtifact('/handoff/payload', String(handoff.payload));
  }
  list('rules').forEach((rule, i) =>
    checkRule(rule, `/rules/${i}`, Boolean(handoff), knownArtifact, error),
  );
  checkCommandGraph(list('commands'), error);
  checkJointDecisionSemantics(config.joint_decision as Raw | undefined, error);

  const defaults = config.command_defaults as Raw | undefined;
  const durations: [string, unknown][] = [
    ['/command_defaults/timeout', defaults?.timeout],
    ['/command_defaults/run_timeout', defaults?.run_timeout],
    ...list('commands').map((c, i): [string, unknown] => [`/commands/${i}/timeout`, c.timeout]),
  ];
  for (const [pointer, value] of durations) {
    const problem = checkDurationRange(value);
    if (problem) error(pointer, problem);
  }
  ((defaults?.mutation_patterns as string[] | undefined) ?? []).forEach((pattern, i) =>
    checkRegex(pattern, `/command_defaults/mutation_patterns/${i}`, error),
  );
  const changelog = config.changelog as Raw | undefined;
  if (typeof changelog?.impact_pattern === 'string')
    checkRegex(changelog.impact_pattern, '/changelog/impact_pattern', error);
  errors.push(...checkProtectedPolicy(config, at));
  return errors;
}

function checkUniqueIds(
  items: Raw[],
  key: string,
  error: (pointer: string, message: string) => void,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = String(item.id);
    const first = seen.get(id);
    if (first !== undefined)
      error(`/${key}/${i}/id`, `duplicate id '${id}' in ${key} (first used at ${key}[${first}])`);
    else seen.set(id, i);
  });
}

function checkPaths(config: Raw, error: (pointer: string, message: string) => void): void {
  const paths: [string, unknown][] = [];
  const add = (key: string, field: string) =>
    ((config[key] as Raw[] | undefined) ?? []).forEach((item, i) =>
      paths.push([`/${key}/${i}/${field}`, item[field]]),
    );
  add('artifacts', 'path');
  add('documents', 'path');
  add('commands', 'cwd');
  for (const [key, field] of [
    ['changelog', 'path'],
    ['joint_decision', 'path'],
    ['consumer', 'record'],
  ] as const) {
    const section = config[key] as Raw | undefined;
    if (section && section[field] !== undefined) paths.push([`/${key}/${field}`, section[field]]);
  }
  ((config.artifacts as Raw[] | undefined) ?? []).forEach((artifact, i) => {
    if (typeof artifact.schema === 'string' && !artifact.schema.startsWith('builtin:'))
      paths.push([`/artifacts/${i}/schema`, artifact.schema]);
  });
  for (const [pointer, value] of paths) {
    if (typeof value !== 'string') continue;
    const normalized = normalizeWorkspacePath(value);
    if (!normalized.ok) error(pointer, `path '${value}' ${normalized.reason}`);
  }
}

function checkRule(
  rule: Raw,
  pointer: string,
  hasHandoff: boolean,
  knownArtifact: (pointer: string, id: string) => void,
  error: (pointer: string, message: string) => void,
): void {
  for (const side of ['left', 'right'] as const) {
    const ref = rule[side];
    if (typeof ref !== 'string') continue;
    knownArtifact(`${pointer}/${side}`, ref.split('#')[0]!);
    if (ref.includes('{mode}') && !hasHandoff)
      error(`${pointer}/${side}`, `'{mode}' needs a handoff section listing the modes`);
  }
  const type = String(rule.type);
  const needs = (field: string, why: string) => {
    if (rule[field] === undefined)
      error(pointer, `rule '${String(rule.id)}' of type ${type} needs '${field}' (${why})`);
  };
  if (
    ['equal', 'same-set', 'subset'].includes(type) &&
    rule.right === undefined &&
    rule.value === undefined
  ) {
    error(
      pointer,
      `rule '${String(rule.id)}' of type ${type} needs 'right' (artifact#/pointer) or 'value' to compare with`,
    );
  }
  if (type === 'semver') {
    needs('operator', 'one of eq, gt, gte, lt, lte');
    if (rule.right === undefined && rule.value === undefined)
      needs('right', 'or value: the version to compare with');
  }
  if (type === 'pattern') {
    needs('pattern', 'a regular expression');
    if (typeof rule.pattern === 'string') checkRegex(rule.pattern, `${pointer}/pattern`, error);
  }
  if (type === 'schema') needs('schema', 'builtin:NAME or a path to a JSON Schema');
}

function checkRegex(
  pattern: string,
  pointer: string,
  error: (pointer: string, message: string) => void,
): void {
  try {
    new RegExp(pattern);
  } catch (cause) {
    error(
      pointer,
      `invalid regular expression ${JSON.stringify(pattern)}: ${(cause as Error).message}`,
    );
  }
}

function checkCommandGraph(
  commands: Raw[],
  error: (pointer: string, message: string) => void,
): void {
  const ids = commands.map((c) => String(c.id));
  const needs = new Map<string, string[]>();
  commands.forEach((command, i) => {
    const deps = (command.needs as string[] | undefined) ?? [];
    deps.forEach((dep, j) => {
      if (!ids.includes(dep)) {
        const suggestion = suggestName(dep, ids);
        error(
          `/commands/${i}/needs/${j}`,
          `command '${String(command.id)}' needs unknown command '${dep}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
        );
      }
      if (dep === command.id) error(`/commands/${i}/needs/${j}`, `command '${dep}' needs itself`);
    });
    needs.set(
      String(command.id),
      deps.filter((d) => ids.includes(d) && d !== command.id),
    );
  });
  const cycle = findCycle(ids, needs);
  if (cycle) {
    error(
      `/commands/${ids.indexOf(cycle[0]!)}/needs`,
      `commands depend on each other in a cycle: ${cycle.join(' → ')}`,
    );
  }
}

/** A dependency cycle as a path of ids (first repeated at the end), if there is one. */
export function findCycle(ids: string[], needs: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of needs.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of ids) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
