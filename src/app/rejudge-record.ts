// Judges a record's evidence again, from the tree and the record's raw command results, so
// verify-record can tell a record whose checks were deleted or edited (SPEC §10: records cannot lie).

import { loadConfig } from './load-config.js';
import { prepareMarkdown } from './prepare-markdown.js';
import { prepareSchemas } from './prepare-schemas.js';
import { createInputReads } from './read-inputs.js';
import { collectEvidence } from './collect-evidence.js';
import { judge } from '../core/judge.js';
import type { CheckResult } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import { createRedactor } from '../core/redact.js';
import { createSchemaValidator } from '../core/schema/schema-validator.js';
import { toCommandResult } from '../core/shard/aggregate.js';
import { couldNot, ok, type Outcome } from '../core/outcome.js';
import type { Ports } from './ports.js';
import { requestOfRecord } from './run-request.js';

/** The checks the tree's config yields on this evidence, or why they cannot be had. */
export async function rejudgeRecord(
  ports: Ports,
  record: DecisionRecord,
): Promise<Outcome<CheckResult[]>> {
  const validator = createSchemaValidator();
  const loaded = await loadConfig(ports.workspace, record.gate.config_path, validator);
  if (!loaded.ok)
    return couldNot(
      `the config ${record.gate.config_path} is not usable here: ${loaded.errors[0]?.message ?? 'unknown error'}`,
    );
  const inputs = createInputReads(loaded.config, loaded.read, ports, undefined);
  const schemaErrors = await prepareSchemas(loaded.config, inputs, validator);
  if (schemaErrors.length > 0)
    return couldNot(
      `the config ${record.gate.config_path} is not usable here: ${schemaErrors[0]!.message}`,
    );
  const evidence = await collectEvidence(
    loaded.config,
    inputs,
    ports,
    requestOfRecord(record, record.gate.config_path),
    {
      redact: createRedactor([]),
      recordedCommands: (Array.isArray(record.commands) ? record.commands : []).map(
        toCommandResult,
      ),
    },
  );
  const markdown = await prepareMarkdown(loaded.config).ready();
  return ok(judge(loaded.config, evidence, validator, markdown).checks);
}
