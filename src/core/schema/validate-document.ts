// A document checked against a compiled schema: each error a finding at its line and column, in
// words a person reads, and numbers a double cannot hold reported instead of checked rounded.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { formatPointer, parsePointer, resolvePointer } from '../parse/json-pointer.js';
import { locationOf, type ParsedDocument } from '../parse/parse-document.js';
import type { Finding } from '../model.js';
import { collapseAlternatives } from './collapse-alternatives.js';
import type { ValidateFunction } from './schema-drafts.js';

/** Most schema errors kept per document; the rest are counted, not listed. */
export const MAX_SCHEMA_FINDINGS = 100;

/**
 * Validates a parsed document; each error becomes a finding at the offending line:column. When the
 * schema constrains numbers by value (`numeric`), a number the document holds that a double cannot
 * (9007199254740993, 1e400) is a finding too: ajv would only see its rounded copy.
 */
export function validateDocument(
  validate: ValidateFunction,
  document: ParsedDocument,
  file: string,
  numeric = true,
): Finding[] {
  const inexact = numeric ? [...(document.inexactNumbers ?? [])] : [];
  const roundings: Finding[] = inexact.slice(0, MAX_SCHEMA_FINDINGS).map(([pointer, text]) => ({
    message: `${pointer || '/'} is ${text}, which a JSON number (a double) cannot hold exactly (it would be read as ${String(Number(text))}), so the schema cannot check it: write it as a string, or within the exact range (±2^53, at most 17 significant digits)`,
    location: locationOf(file, document, pointer),
  }));
  if (validate(document.value)) return roundings;
  const errors = collapseAlternatives(validate.errors ?? [], validate.schema);
  const findings = errors
    .slice(0, MAX_SCHEMA_FINDINGS)
    .map((error) => toFinding(error, document, file));
  if (errors.length > MAX_SCHEMA_FINDINGS) {
    findings.push({
      message: `… and ${errors.length - MAX_SCHEMA_FINDINGS} more schema errors`,
      location: { file },
    });
  }
  return [...roundings, ...findings];
}

function toFinding(error: ErrorObject, document: ParsedDocument, file: string): Finding {
  let pointer = error.instancePath;
  let atKey = false;
  let message = `${pointer || '/'} ${error.message ?? 'is invalid'}`;
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    pointer = formatPointer([...parsePointer(pointer), extra]);
    atKey = true;
    message = `${pointer} is not allowed here (unknown property "${extra}")`;
  } else if (error.keyword === 'enum') {
    message += `: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  } else if (error.keyword === 'format' && error.params.format === 'date-time') {
    message = `${pointer} must be a date-time like 2026-02-08T10:05:00Z (RFC 3339, with a zone)`;
  } else if (error.keyword === 'const') {
    message += `: ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
  }
  const data = resolvePointer(document.value, error.instancePath);
  if (
    error.keyword !== 'required' &&
    data.found &&
    (data.value === null || typeof data.value !== 'object')
  ) {
    message += ` (found ${JSON.stringify(data.value)})`;
  }
  return { message, location: locationOf(file, document, pointer, atKey) };
}
