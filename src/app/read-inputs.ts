// The one list of inputs a run reads: the files the config names, schemas with the files they
// `$ref`, and what the commands run, each read once.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { FileRead, TrustedRead } from '../core/evidence.js';
import { detectFormat, parseText } from '../core/parse/parse-document.js';
import { listRefTargets, listUserSchemas } from '../core/schema/relative-refs.js';
import { listCommandPaths, type CommandPaths } from '../core/commands/command-paths.js';
import type { Ports } from './ports.js';
import { readCommandScripts } from './read-command-scripts.js';
import { readTrustedFile } from './read-trusted.js';

/** Most files one directory tree of a command contributes to the evidence. */
const MAX_TREE_FILES = 500;

/**
 * The one list of inputs as it fills: every file the run reads, read once, keyed by workspace
 * path (a Map, not an object: a file named `constructor` or `__proto__` is a path like any other).
 * Policy files (user schemas and what they `$ref`) come from the trusted ref when its config was
 * read there (SPEC §10); everything else is evidence from the tree judged.
 */
export interface InputReads {
  readonly files: Map<string, FileRead>;
  /** The tree's own config, as read (what gate.integrity compares with the trusted ref's). */
  readonly configRead: FileRead;
  /** A workspace file, read on first use. */
  read(path: string): Promise<FileRead>;
  /** A policy file: at the trusted ref when there is one, else as `read`. */
  readPolicy(path: string): Promise<FileRead>;
}

/** An empty list of inputs (but the config) for `config`, reading through `ports`. */
export function createInputReads(
  config: CheckpointConfig,
  configRead: FileRead,
  ports: Pick<Ports, 'workspace' | 'git' | 'lookups'>,
  trusted: { ref: string | null; config: TrustedRead } | undefined,
): InputReads {
  const files = new Map<string, FileRead>([[config.path, configRead]]);
  const ref = trusted?.config.kind === 'ok' ? trusted.ref : null;
  // Each kind of read once per path (reads under way too, so two asking at once read once). A
  // policy read is never answered by a workspace read, and its answer is the one the list keeps,
  // whichever finished first: a command that happens to name a schema file must not decide
  // which copy of it judges the run.
  const policyPaths = new Set<string>();
  const once = (
    reader: (path: string) => Promise<FileRead>,
    policy: boolean,
  ): ((path: string) => Promise<FileRead>) => {
    const reading = new Map<string, Promise<FileRead>>();
    return (path) => {
      const known = files.get(path);
      if (known && (!policy || policyPaths.has(path))) return Promise.resolve(known);
      let pending = reading.get(path);
      if (!pending) {
        if (policy) policyPaths.add(path);
        pending = reader(path).then((read) => {
          if (policy || !policyPaths.has(path)) files.set(path, read);
          // A workspace read of a policy path still being read at the ref: its own answer.
          return files.get(path) ?? read;
        });
        reading.set(path, pending);
      }
      return pending;
    };
  };
  const read = once((path) => ports.workspace.readFile(path, config.limits.maxFileBytes), false);
  const readPolicy = ref === null ? read : once((path) => readTrustedFile(ports, ref, path), true);
  return { files, configRead, read, readPolicy };
}

/**
 * Reads every input the config implies into `inputs`: the files it names, schemas with the files
 * they `$ref`, and what the commands run (scripts, package.json, their directory trees). What a
 * tree listing leaves out is a warning. Resolves to the whole list, and what the commands run.
 */
export async function readInputs(
  config: CheckpointConfig,
  inputs: InputReads,
  ports: Ports,
): Promise<{ reads: Map<string, FileRead>; commandPaths: CommandPaths }> {
  const { files: reads, read, readPolicy } = inputs;
  await Promise.all([
    ...listFilePaths(config).map(read),
    ...listUserSchemas(config).map((path) => readSchemaWithRefs(path, readPolicy)),
    readCommandScripts(config.commands, read),
  ]);
  // Second pass: what the commands run, now that package.json scripts can be read.
  const text = (path: string) => {
    const file = reads.get(path);
    return file?.kind === 'ok' ? file.text : undefined;
  };
  const commandPaths = listCommandPaths(config.commands, text);
  const trees = await Promise.all(
    commandPaths.directories.map((dir) => ports.workspace.listFiles?.(dir, MAX_TREE_FILES)),
  );
  // The verdict does not rest on these lists (a change under a command's directory is found by
  // its path, SPEC §10), only the record's digests do: say what they leave out.
  const leaveOut = (what: string) =>
    ports.logger.warn(`Left out of the decision record's input digests: ${what}.`);
  trees.flatMap((tree) => tree?.leftOut ?? []).forEach(leaveOut);
  const treeOnly = trees
    .flatMap((tree) => tree?.files ?? [])
    .filter((path) => !reads.has(path) && !commandPaths.files.includes(path));
  await Promise.all([...commandPaths.files, ...treeOnly].map(read));
  // A tree's file that cannot be read (a symlink out of the workspace, a FIFO) is no input the
  // record could ever vouch for (verify-record refuses what it cannot read): said, not listed.
  for (const path of treeOnly) {
    const file = reads.get(path);
    if (file?.kind !== 'unavailable') continue;
    reads.delete(path);
    leaveOut(`${path} (${file.reason})`);
  }
  return { reads, commandPaths };
}

/** Every workspace file the config names, except schemas (read with their refs). */
function listFilePaths(config: CheckpointConfig): string[] {
  return [
    ...config.artifacts.map((a) => a.path),
    ...config.documents.map((d) => d.path),
    ...(config.changelog ? [config.changelog.path] : []),
    ...(config.jointDecision ? [config.jointDecision.path] : []),
    ...(config.consumer?.record ? [config.consumer.record] : []),
    // Where commands delegate (package.json scripts, script files), for placeholder detection.
    ...config.commands.flatMap((c) => c.body?.path ?? []),
  ];
}

/** Reads a schema and, transitively, the sibling files it `$ref`s by relative path. */
async function readSchemaWithRefs(
  path: string,
  read: (path: string) => Promise<FileRead>,
): Promise<void> {
  const queue = [path];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const file = await read(current);
    if (file.kind !== 'ok') continue;
    const parsed = parseText(file.text, detectFormat(current, file.text));
    if (parsed.ok) queue.push(...listRefTargets(current, parsed.document.value));
  }
}
