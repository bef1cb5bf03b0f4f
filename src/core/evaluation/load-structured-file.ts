// Loads a JSON/YAML file from the evidence: read, parse (with positions) and validate against its
// schema. Every way this can go wrong becomes a status and findings at the file and place.

import type { Finding } from '../model.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import type { SchemaSource } from '../schema/schema-validator.js';
import { validateDocument } from '../schema/validate-document.js';
import type { SchemaLoadError } from '../schema/schema-closure.js';
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
  if (read.kind === 'unavailable')
    return fail('error', `${options.what} ${path} could not be read: ${read.reason}`);

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

/** A schema to compile (with the sibling files it `$ref`s), or why it cannot be, from the context. */
export function resolveSchemaSource(
  context: ContextBase,
  schema: string,
): SchemaSource | SchemaLoadError {
  if (schema.startsWith('builtin:')) return { name: schema, schema: undefined };
  // Every user schema the config names (artifacts and rules) was walked with the context.
  const closure = context.schemaClosures.get(schema);
  if (!closure) throw new Error(`internal fault: schema ${schema} was not walked with the context`);
  return closure.source;
}
