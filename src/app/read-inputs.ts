// The one list of inputs a run reads: the files the config names, schemas with the files they
// `$ref`, and what the commands run, each read once.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { FileRead, TrustedRead } from '../core/evidence.js';
import { detectFormat, parseText } from '../core/parse/parse-document.js';
import { listRefTargets, listUserSchemas } from '../core/schema/relative-refs.js';
import { findBodySource } from '../core/commands/command-body.js';
import { listCommandPaths } from '../core/commands/command-paths.js';
import type { Ports } from './ports.js';
import { readCommandScripts } from './read-command-scripts.js';
import { readTrustedFile } from './read-trusted.js';

/** Most files one directory tree of a command contributes to the evidence. */
const MAX_TREE_FILES = 500;

/**
 * The one list of inputs: every file the run reads, read once, keyed by workspace path. It feeds
 * the evaluators and the record's digests alike. Schemas (policy) come from the trusted ref when
 * there is one; everything else is evidence from the tree judged.
 */
export async function readInputs(
  config: CheckpointConfig,
  configRead: FileRead,
  ports: Ports,
  trusted: { ref: string; config: TrustedRead } | undefined,
): Promise<Map<string, FileRead>> {
  // A Map, not an object: a file named `constructor` or `__proto__` is a path like any other.
  const reads = new Map<string, FileRead>([[config.path, configRead]]);
  const read = async (path: string) => {
    if (!reads.has(path))
      reads.set(path, await ports.workspace.readFile(path, config.limits.maxFileBytes));
    return reads.get(path)!;
  };
  const readPolicy =
    trusted?.config.kind === 'ok'
      ? async (path: string) => {
          if (!reads.has(path))
            reads.set(path, toFileRead(await readTrustedFile(ports, trusted.ref, path)));
          return reads.get(path)!;
        }
      : read;
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
  return reads;
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
    ...config.commands.flatMap((c) => findBodySource(c.run, c.cwd)?.path ?? []),
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
