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
  // Reads under way too, so two asking at once still read once.
  const reading = new Map<string, Promise<FileRead>>();
  const once = (reader: (path: string) => Promise<FileRead>) => (path: string) => {
    const known = files.get(path);
    if (known) return Promise.resolve(known);
    let pending = reading.get(path);
    if (!pending) {
      pending = reader(path).then((read) => (files.set(path, read), read));
      reading.set(path, pending);
    }
    return pending;
  };
  const read = once((path) => ports.workspace.readFile(path, config.limits.maxFileBytes));
  const ref = trusted?.config.kind === 'ok' ? trusted.ref : null;
  const readPolicy =
    ref !== null ? once(async (path) => toFileRead(await readTrustedFile(ports, ref, path))) : read;
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
  for (const line of trees.flatMap((tree) => tree?.leftOut ?? []))
    ports.logger.warn(`Left out of the decision record's input digests: ${line}.`);
  await Promise.all(
    [...commandPaths.files, ...trees.flatMap((tree) => tree?.files ?? [])].map(read),
  );
  return { reads, commandPaths };
}

/** A trusted-ref read as evidence: a ref without the file is a missing file. */
function toFileRead(read: TrustedRead): FileRead {
  if (read.kind === 'unavailable') return { kind: 'error', path: read.path, message: read.reason };
  return read;
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
