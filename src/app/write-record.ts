// How every judged record leaves the app, a run's and an aggregate's alike: checked against its
// published schema (SPEC §7), rendered, and written with its report to the evidence directory.

import type { DecisionRecord } from '../core/record.js';
import { renderMarkdown } from '../core/render/markdown.js';
import type { createSchemaValidator } from '../core/schema/schema-validator.js';
import { validateDocument } from '../core/schema/validate-document.js';
import type { Ports } from './ports.js';

/** A judged record, its report and where both were written. */
export interface WrittenRecord {
  kind: 'judged';
  record: DecisionRecord;
  markdown: string;
  recordPath: string;
  reportPath: string;
}

/**
 * Validates `record` (already redacted) against the decision-record schema, then writes
 * decision-record.json and report.md through `ports.output`. Throws an internal fault when the
 * record does not match its schema (nothing is written then), and what the output port throws.
 */
export async function writeRecord(
  ports: Pick<Ports, 'output'>,
  record: DecisionRecord,
  validator: ReturnType<typeof createSchemaValidator>,
): Promise<WrittenRecord> {
  assertRecordValid(record, validator);
  const markdown = renderMarkdown(record);
  const recordPath = await ports.output.writeFile(
    'decision-record.json',
    JSON.stringify(record, null, 2) + '\n',
  );
  const reportPath = await ports.output.writeFile('report.md', markdown);
  return { kind: 'judged', record, markdown, recordPath, reportPath };
}

function assertRecordValid(
  record: DecisionRecord,
  validator: ReturnType<typeof createSchemaValidator>,
): void {
  const compiled = validator.compile({ name: 'builtin:decision-record', schema: undefined });
  if (!compiled.ok) throw new Error(compiled.message, { cause: compiled.cause });
  const findings = validateDocument(
    compiled.validate,
    { format: 'json', value: record, locate: () => undefined },
    'decision-record.json',
  );
  if (findings.length > 0) {
    throw new Error(
      `internal fault: the decision record does not match its schema: ${findings.map((f) => f.message).join('; ')}`,
    );
  }
}
