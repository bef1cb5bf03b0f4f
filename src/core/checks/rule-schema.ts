// The valid-against-schema rule: the value at a pointer validated against a schema, with errors
// pointing into the artifact (the rule's pointer joined with the error's own).

import type { Finding } from '../model.js';
import type { ParsedDocument } from '../parse/parse-document.js';
import type { ExactNumbers } from '../values/canonical-value.js';
import { validateDocument } from '../schema/validate-document.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { resolveSchemaSource } from '../evaluation/load-structured-file.js';

/** Judges `left` against `schema`; fails with the schema's own message when it is unusable. */
export function judgeSchemaRule(
  context: EvaluationContext,
  schema: string,
  left: Extract<Side, { ok: true }>,
  leftName: string,
): { pass: boolean; message: string; details?: string[]; findings?: Finding[] } {
  const source = resolveSchemaSource(context, schema);
  if ('message' in source) return { pass: false, message: source.message };
  const compiled = context.validator.compile(source);
  if (!compiled.ok) return { pass: false, message: compiled.message };
  const base = left.pointer ?? '';
  const locate = (pointer: string, key?: boolean) =>
    left.document?.locate(`${base}${pointer}`, key);
  // Numbers a double rounds, re-based to the value under validation.
  const inexactNumbers = new Map(
    [...(left.document?.inexactNumbers ?? [])]
      .filter(([p]) => p === base || p.startsWith(`${base}/`))
      .map(([p, text]) => [p.slice(base.length), text]),
  );
  const findings = validateDocument(
    compiled.validate,
    { format: 'json', value: left.value, locate, inexactNumbers },
    left.location?.file ?? leftName,
    compiled.numeric,
  ).map((finding) => ({ ...finding, message: `${leftName}: ${finding.message}` }));
  return {
    pass: findings.length === 0,
    message:
      findings.length === 0
        ? `${leftName} is valid against ${schema}`
        : `${leftName} is not valid against ${schema}: ${findings[0]!.message.slice(leftName.length + 2)}`,
    details: findings.map((f) => f.message),
    findings,
  };
}

/** One side of a rule as read from its artifact: the value (and where), or why it has none. */
export type Side =
  | {
      ok: true;
      value: unknown;
      location: Finding['location'];
      document?: ParsedDocument;
      pointer?: string;
      /** Exact text of numbers a double rounds, relative to this value. */
      exact?: ExactNumbers;
    }
  | { ok: false; status: 'fail' | 'error'; message: string };
