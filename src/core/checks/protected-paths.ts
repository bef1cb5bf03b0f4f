// Protected paths (SPEC §10): files whose change lets a change approve itself. The scripts and
// directory trees the commands run, the package.json behind `npm run`, user schemas and the files
// they `$ref`, the consumer record, `.github/workflows/**`, and the policy's protected_paths globs.

import type { ChangedPaths } from '../evidence.js';
import { globToRegExp } from '../glob.js';
import { comparePaths } from '../workspace-path.js';
import type { ContextBase } from '../evaluation/evaluation-context.js';

/** A protected pattern and why it is protected. */
interface ProtectedPattern {
  glob: string;
  why: string;
}

/** One changed protected file. */
export interface ProtectedChange {
  path: string;
  why: string;
}

const WORKFLOWS = '.github/workflows/**';

/** Schema files the config names, and every file they `$ref`, as the context walked them. */
export function listSchemaClosure(context: ContextBase): string[] {
  return [...new Set([...context.schemaClosures.values()].flatMap((c) => c.paths))].sort();
}

/** Every protected pattern of a policy, workspace-relative. */
export function listProtectedPatterns(context: ContextBase): ProtectedPattern[] {
  const { config, evidence } = context;
  const commands = evidence.commandPaths;
  return [
    ...commands.files.map((glob) => ({ glob, why: 'run by a verification command' })),
    ...commands.directories.map((dir) => ({
      glob: `${dir}/**`,
      why: `in ${dir}/, the directory tree of a script a command runs`,
    })),
    ...listSchemaClosure(context).map((glob) => ({ glob, why: 'a user schema' })),
    ...(config.consumer?.record
      ? [{ glob: config.consumer.record, why: 'the consumer record' }]
      : []),
    { glob: WORKFLOWS, why: 'a workflow (it can change the gate inputs)' },
    ...config.protectedPaths.map((glob) => ({ glob, why: `protected_paths '${glob}'` })),
  ];
}

/** The changed files that are protected, each once with its first reason; sorted by path. */
export function findProtectedChanges(
  context: ContextBase,
  changed: Extract<ChangedPaths, { kind: 'ok' }>,
): ProtectedChange[] {
  const { config } = context;
  const patterns = listProtectedPatterns(context).map((p) => ({
    ...p,
    regex: globToRegExp(p.glob),
  }));
  const changes: ProtectedChange[] = [];
  for (const path of changed.paths) {
    if (path === config.path) continue; // the config's own diff is reported in detail
    const match = patterns.find((p) => p.regex.test(path));
    if (match) changes.push({ path, why: match.why });
  }
  // With working-directory, the repository's workflows sit outside the workspace.
  const workflows = globToRegExp(WORKFLOWS);
  for (const path of changed.outside)
    if (workflows.test(path))
      changes.push({ path: `:/${path}`, why: 'a workflow (it can change the gate inputs)' });
  return changes.sort((a, b) => comparePaths(a.path, b.path));
}
