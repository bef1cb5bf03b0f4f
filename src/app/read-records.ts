// One reading of decision records named by a user (shard records to aggregate, a record to verify):
// JSON without duplicate keys, then the decision-record schema. A record is data from a previous
// run, possibly edited by hand: nothing in it is used before both checks pass.

import type { ConfigError } from '../core/config/config-types.js';
import { MAX_DEPTH_LIMIT } from '../core/config/normalize-config.js';
import { parseText } from '../core/parse/parse-document.js';
import type { DecisionRecord } from '../core/record.js';
import type { SchemaValidator } from '../core/schema/schema-validator.js';
import { validateDocument } from '../core/schema/validate-document.js';

/** A record file as the front door read it. */
export interface RecordFile {
  path: string;
  text: string;
}

/**
 * How deep a record may nest. A check keeps the artifact values it compared (`observed`,
 * `expected`) a few levels down, and an artifact may be as deep as a config allows: a record the
 * gate wrote must always be readable again, while a hostile file still meets a bound.
 */
export const MAX_RECORD_DEPTH = MAX_DEPTH_LIMIT + 16;

/** How many schema findings are listed per file (the first ones name the fault). */
const FINDINGS_PER_FILE = 5;

/**
 * Parses and schema-checks each file. Every file is checked: `errors` lists what is wrong with
 * each (file and place), empty when `records` holds them all. Throws only when the built-in
 * decision-record schema cannot be compiled (a fault of the build).
 */
export function readRecords(
  files: readonly RecordFile[],
  validator: SchemaValidator,
): { records: { path: string; record: DecisionRecord }[]; errors: ConfigError[] } {
  const compiled = validator.compile({ name: 'builtin:decision-record', schema: undefined });
  if (!compiled.ok) throw new Error(compiled.message, { cause: compiled.cause });
  const errors: ConfigError[] = [];
  const records = files.flatMap((file) => {
    const parsed = parseText(file.text, 'json', { maxDepth: MAX_RECORD_DEPTH });
    if (!parsed.ok) {
      const issue = parsed.issues[0]!;
      errors.push({
        message: `not a valid JSON record: ${issue.message}`,
        location: { file: file.path, ...issue.position },
      });
      return [];
    }
    const findings = validateDocument(compiled.validate, parsed.document, file.path);
    if (findings.length > 0) {
      errors.push(
        ...findings.slice(0, FINDINGS_PER_FILE).map((f) => ({
          message: `does not match the decision-record schema: ${f.message}`,
          location: f.location ?? { file: file.path },
        })),
      );
      return [];
    }
    return [{ path: file.path, record: parsed.document.value as DecisionRecord }];
  });
  return { records, errors };
}
