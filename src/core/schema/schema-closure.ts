// A user schema and every file its relative `$ref`s reach, walked once from the evidence: what
// compiles it (the schema with its companions) and what gate.integrity protects (every file the
// walk reached, unreadable ones included) come from the same walk.

import type { FileRead } from '../evidence.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import { joinWorkspacePath, normalizeWorkspacePath, workspaceDirname } from '../workspace-path.js';
import { listRelativeRefs } from './relative-refs.js';
import { schemaUri, type SchemaSource } from './schema-validator.js';

/** Why a schema cannot be compiled: one sentence, and the file it is about. */
export interface SchemaLoadError {
  message: string;
  file: string;
}

/**
 * One user schema's closure.
 * - `paths`: the schema and every workspace file its relative `$ref`s reach, transitively, each
 *   once, in walk order; a file that is missing, unreadable or not parseable is listed but not
 *   followed.
 * - `source`: the schema and its companions keyed by URI, or the first problem the walk met.
 */
export interface SchemaClosure {
  paths: string[];
  source: SchemaSource | SchemaLoadError;
}

/** Walks `schema` (a workspace path) through `files`, the run's one list of inputs. Pure. */
export function walkSchemaClosure(
  files: Readonly<Record<string, FileRead>>,
  schema: string,
): SchemaClosure {
  const paths = [schema];
  const companions: Record<string, unknown> = {};
  let problem: SchemaLoadError | undefined;
  const fail = (error: SchemaLoadError) => void (problem ??= error);
  const load = (path: string): unknown => {
    const read = files[path];
    if (!read || read.kind === 'missing')
      return fail({ message: `schema ${path} not found`, file: path });
    if (read.kind === 'unavailable')
      return fail({ message: `schema ${path} could not be read: ${read.reason}`, file: path });
    const parsed = parseText(read.text, detectFormat(path, read.text));
    if (parsed.ok) return parsed.document.value;
    const issue = parsed.issues[0]!;
    return fail({
      message: `schema ${path}:${issue.position?.line ?? 1}:${issue.position?.column ?? 1} is not valid: ${issue.message}`,
      file: path,
    });
  };
  const root = load(schema);
  const pending =
    root === undefined ? [] : listRelativeRefs(root).map((ref) => ({ from: schema, ref }));
  while (pending.length > 0) {
    const { from, ref } = pending.pop()!;
    const target = normalizeWorkspacePath(joinWorkspacePath(workspaceDirname(from), ref));
    if (!target.ok) {
      fail({ message: `schema ${from} $refs '${ref}', which ${target.reason}`, file: from });
      continue;
    }
    const uri = schemaUri(target.path);
    if (uri in companions) continue;
    if (!paths.includes(target.path)) paths.push(target.path);
    const companion = load(target.path);
    companions[uri] = companion;
    if (companion !== undefined)
      pending.push(
        ...listRelativeRefs(companion).map((next) => ({ from: target.path, ref: next })),
      );
  }
  return { paths, source: problem ?? { name: schema, schema: root, companions } };
}
