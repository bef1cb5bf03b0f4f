// Protected paths (SPEC §10): files whose change lets a change approve itself. The scripts and
// directory trees the commands run, the package.json behind `npm run`, user schemas and the files
// they `$ref`, the consumer record, `.github/workflows/**`, and the policy's protected_paths globs.

import type { CheckpointConfig } from '../config/config-types.js';
import type { ChangedPaths, Evidence } from '../evidence.js';
import { listCommandPaths } from '../commands/command-paths.js';
import { globToRegExp } from '../glob.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import { listRefTargets, listUserSchemas } from '../schema/relative-refs.js';
import { comparePaths } from '../workspace-path.js';

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

/** Schema files the config names, and every file they `$ref`, as read into the evidence. */
export function listSchemaClosure(config: CheckpointConfig, evidence: Evidence): string[] {
  const seen = new Set<string>();
  const queue = listUserSchemas(config);
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const read = evidence.files[path];
    if (read?.kind !== 'ok') continue;
    const parsed = parseText(read.text, detectFormat(path, read.text));
    if (parsed.ok) queue.push(...listRefTargets(path, parsed.document.value));
  }
  return [...seen].sort();
}

/** Every protected pattern of a policy, workspace-relative. */
export function listProtectedPatterns(
  config: CheckpointConfig,
  evidence: Evidence,
): ProtectedPattern[] {
  const text = (path: string) => {
    const read = evidence.files[path];
    return read?.kind === 'ok' ? read.text : undefined;
  };
  const commands = listCommandPaths(config.commands, text);
  return [
    ...commands.files.map((glob) => ({ glob, why: 'run by a verification command' })),
    ...commands.directories.map((dir) => ({
      glob: `${dir}/**`,
      why: `in ${dir}/, the directory tree of a script a command runs`,
    })),
    ...listSchemaClosure(config, evidence).map((glob) => ({ glob, why: 'a user schema' })),
    ...(config.consumer?.record
      ? [{ glob: config.consumer.record, why: 'the consumer record' }]
      : []),
    { glob: WORKFLOWS, why: 'a workflow (it can change the gate inputs)' },
    ...config.protectedPaths.map((glob) => ({ glob, why: `protected_paths '${glob}'` })),
  ];
}

/** The changed files that are protected, each once with its first reason; sorted by path. */
export function findProtectedChanges(
  config: CheckpointConfig,
  evidence: Evidence,
  changed: Extract<ChangedPaths, { kind: 'ok' }>,
): ProtectedChange[] {
  const patterns = listProtectedPatterns(config, evidence).map((p) => ({
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
