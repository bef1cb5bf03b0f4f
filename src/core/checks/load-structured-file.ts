// Loads a JSON/YAML file from the evidence: read, parse (with positions) and validate against its
// schema. Every way this can go wrong becomes a status and findings at the file and place.

import type { Finding } from '../model.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import { schemaUri, type SchemaSource } from '../schema/schema-validator.js';
import { validateDocument } from '../schema/validate-document.js';
import { listRelativeRefs } from '../schema/relative-refs.js';
import { joinWorkspacePath, normalizeWorkspacePath, workspaceDirname } from '../workspace-path.js';
import type { ContextBase, LoadedFile } from './evaluation-context.js';

/** Loads `path`, optionally checked against `schema` (`builtin:<name>` or a workspace path). */
export function loadStructuredFile(
  context: ContextBase,
  path: string,
  options: { format?: 'json' | 'yaml'; schema?: string; what: string },
): LoadedFile {
  const read = context.evidence.files[path];
  const fail = (
    status: 'fail' | 'error',
    summary: string,
    findings: Finding[] = [],
  ): LoadedFile => ({
    ok: false,
    path,
    status,
    summary,
    findings: findings.length ? findings : [{ message: summary, location: { file: path } }],
  });
  if (!read || read.kind === 'missing') return fail('fail', `${options.what} not found at ${path}`);
  if (read.kind === 'error')
    return fail('error', `${options.what} ${path} could not be read: ${read.message}`);

  const parsed = parseText(read.text, options.format ?? detectFormat(path, read.text), {
    maxDepth: context.config.limits.maxDepth,
  });
  if (!parsed.ok) {
    const findings = parsed.issues.map((issue) => ({
      message: issue.message,
      location: { file: path, ...issue.position },
    }));
    const first = findings[0]!;
    const where = first.location.line
      ? `${path}:${first.location.line}:${first.location.column}`
      : path;
    return fail(
      'fail',
      `${options.what} ${where} is not valid ${parsed.issues.length > 1 ? `(${parsed.issues.length} problems)` : ''}: ${first.message}`.replace(
        ' :',
        ':',
      ),
      findings,
    );
  }
  if (options.schema) {
    const source = resolveSchemaSource(context, options.schema);
    if ('message' in source)
      return fail('error', source.message, [
        { message: source.message, location: { file: source.file } },
      ]);
    const compiled = context.validator.compile(source);
    if (!compiled.ok)
      return fail('error', compiled.message, [
        { message: compiled.message, location: { file: options.schema } },
      ]);
    const findings = validateDocument(compiled.validate, parsed.document, path, compiled.numeric);
    if (findings.length > 0) {
      return fail(
        'fail',
        `${options.what} ${path} does not match ${options.schema} (${findings.length} ${findings.length === 1 ? 'error' : 'errors'})`,
        findings,
      );
    }
  }
  return { ok: true, path, document: parsed.document };
}

/** Reads a schema file (and the sibling files it `$ref`s) from the evidence. */
export function resolveSchemaSource(
  context: ContextBase,
  schema: string,
): SchemaSource | { message: string; file: string } {
  if (schema.startsWith('builtin:')) return { name: schema, schema: undefined };
  const companions: Record<string, unknown> = {};
  const load = (path: string): unknown | { message: string; file: string } => {
    const read = context.evidence.files[path];
    if (!read || read.kind === 'missing')
      return { message: `schema ${path} not found`, file: path };
    if (read.kind === 'error')
      return { message: `schema ${path} could not be read: ${read.message}`, file: path };
    const parsed = parseText(read.text, detectFormat(path, read.text));
    if (!parsed.ok) {
      const issue = parsed.issues[0]!;
      return {
        message: `schema ${path}:${issue.position?.line ?? 1}:${issue.position?.column ?? 1} is not valid: ${issue.message}`,
        file: path,
      };
    }
    return parsed.document.value;
  };
  const root = load(schema);
  if (isLoadError(root)) return root;
  const pending = listRelativeRefs(root).map((ref) => ({ from: schema, ref }));
  while (pending.length > 0) {
    const { from, ref } = pending.pop()!;
    const target = normalizeWorkspacePath(joinWorkspacePath(workspaceDirname(from), ref));
    if (!target.ok)
      return { message: `schema ${from} $refs '${ref}', which ${target.reason}`, file: from };
    const uri = schemaUri(target.path);
    if (uri in companions) continue;
    const companion = load(target.path);
    if (isLoadError(companion)) return companion;
    companions[uri] = companion;
    pending.push(...listRelativeRefs(companion).map((next) => ({ from: target.path, ref: next })));
  }
  return { name: schema, schema: root, companions };
}

function isLoadError(value: unknown): value is { message: string; file: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    'file' in value &&
    Object.keys(value).length === 2
  );
}
