// Derives, once, the facts several evaluators and the record share: each user schema walked with
// its `$ref`s, the artifacts and the joint decision parsed and schema-checked, the signatures
// verified, where the baseline is stated, and each run's test counts (each command's body file is
// derived with the config: `body`). Evaluators read them from the context.

import type { CheckpointConfig } from '../config/config-types.js';
import type { Evidence } from '../evidence.js';
import type { ReadMarkdown } from '../markdown/outline.js';
import type { SchemaValidator } from '../schema/schema-validator.js';
import { parseTestCounts } from '../commands/test-counts.js';
import { walkSchemaClosure } from '../schema/schema-closure.js';
import { listUserSchemas } from '../schema/relative-refs.js';
import { verifySignoff } from '../signoff/verify-signoff.js';
import { loadArtifacts } from '../checks/artifacts.js';
import { collectBaselineSources } from './baseline-sources.js';
import type { ContextBase, EvaluationContext } from './evaluation-context.js';
import { loadJointDecision } from './joint-decision-file.js';

/** The evaluation context for `config` and `evidence`; `markdown` reads documents. Pure. */
export function createEvaluationContext(
  config: CheckpointConfig,
  evidence: Evidence,
  validator: SchemaValidator,
  markdown?: ReadMarkdown,
): EvaluationContext {
  const schemaClosures = new Map(
    listUserSchemas(config).map((schema) => [schema, walkSchemaClosure(evidence.files, schema)]),
  );
  const base: ContextBase = {
    config,
    evidence,
    validator,
    schemaClosures,
    ...(markdown ? { markdown } : {}),
  };
  const artifacts = loadArtifacts(base);
  const jointDecision = loadJointDecision(base);
  return {
    ...base,
    artifacts,
    jointDecision,
    signoff: verifySignoff(base, jointDecision),
    baselineSources: collectBaselineSources({ ...base, artifacts }, jointDecision),
    testCounts: new Map(
      (evidence.commands ?? [])
        .filter((result) => result.state === 'ran')
        .map((result) => [result.id, parseTestCounts(result.outputTail)]),
    ),
  };
}
