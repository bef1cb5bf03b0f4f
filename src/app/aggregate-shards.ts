// `aggregate`: validates shard records against their schema and against each other and the tree's
// config, merges them, and writes the single record and report.

import type { ConfigError } from '../core/config/config-types.js';
import type { DecisionRecord } from '../core/record.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { createSchemaValidator, validateDocument } from '../core/schema/schema-validator.js';
import { parseText } from '../core/parse/parse-document.js';
import { aggregateRecords } from '../core/shard/aggregate.js';
import { loadConfig } from './load-config.js';
import type { Ports } from './ports.js';
import type { RunOutcome } from './run-checkpoint.js';

/** A record file as the front door read it. */
export interface RecordFile {
  path: string;
  text: string;
}

/** Same shape as a run's outcome: a judged record, or why the gate could not run. */
export type AggregateOutcome = RunOutcome;

/** Merges shard records produced from the config at `configPath`. */
export async function aggregateShards(
  ports: Ports,
  request: { configPath: string; records: RecordFile[] },
): Promise<AggregateOutcome> {
  const validator = createSchemaValidator();
  const loaded = await loadConfig(ports.workspace, request.configPath, validator);
  if (!loaded.ok) return { kind: 'unusable', errors: loaded.errors };
  if (loaded.read.kind !== 'ok') throw new Error('config read vanished');
  const compiled = validator.compile({ name: 'builtin:decision-record', schema: undefined });
  if (!compiled.ok) throw new Error(compiled.message);

  const errors: ConfigError[] = [];
  const shards = request.records.flatMap((file) => {
    const parsed = parseText(file.text, 'json');
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
        ...findings.slice(0, 5).map((f) => ({
          message: `does not match the decision-record schema: ${f.message}`,
          location: f.location ?? { file: file.path },
        })),
      );
      return [];
    }
    return [{ path: file.path, record: parsed.document.value as DecisionRecord }];
  });
  if (errors.length > 0) return { kind: 'unusable', errors };

  const merged = aggregateRecords(
    shards,
    loaded.config,
    loaded.read.sha256,
    ports.now().toISOString(),
  );
  if (!merged.ok)
    return {
      kind: 'unusable',
      errors: merged.problems.map((message) => ({
        message,
        location: { file: loaded.config.path },
      })),
    };
  const markdown = renderMarkdown(merged.record);
  const recordPath = await ports.output.writeFile(
    'decision-record.json',
    JSON.stringify(merged.record, null, 2) + '\n',
  );
  const reportPath = await ports.output.writeFile('report.md', markdown);
  return { kind: 'judged', record: merged.record, markdown, recordPath, reportPath };
}
