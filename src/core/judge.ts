// judge(config, evidence) → record: the pure heart of the gate. Same input, same record.

import type { CheckpointConfig } from './config/config-types.js';
import type { Evidence } from './evidence.js';
import type { CheckOutcome } from './model.js';
import { createSchemaValidator, type SchemaValidator } from './schema/schema-validator.js';
import type { Evaluator } from './evaluation/evaluation-context.js';
import { createEvaluationContext } from './evaluation/create-context.js';
import { evaluateArtifacts } from './checks/artifacts.js';
import { evaluateBaseline } from './checks/baseline.js';
import { evaluateGitTag } from './checks/git-tag.js';
import { evaluateHandoff } from './checks/handoff.js';
import { evaluateSemverSanity } from './checks/semver-sanity.js';
import { evaluateRules } from './checks/rules.js';
import { evaluateDocuments } from './checks/documents.js';
import { evaluateChangelog } from './checks/changelog.js';
import { evaluateTools } from './checks/tools.js';
import { evaluateCommands } from './checks/commands.js';
import { evaluateJointDecision } from './checks/joint-decision.js';
import { evaluateGateIntegrity } from './checks/gate-integrity.js';
import { evaluateConsumer } from './checks/consumer.js';
import { evaluateIncidents } from './checks/incidents.js';
import { applyPolicy } from './policy.js';
import { decideAll } from './decide.js';
import { buildRecord } from './build-record.js';
import type { DecisionRecord } from './record.js';
import type { ReadMarkdown } from './markdown/outline.js';

/** Evaluators in report order: what the gate is about first, how it was verified after. */
const EVALUATORS: Evaluator[] = [
  evaluateGateIntegrity,
  evaluateArtifacts,
  evaluateBaseline,
  evaluateGitTag,
  evaluateSemverSanity,
  evaluateHandoff,
  evaluateRules,
  evaluateDocuments,
  evaluateChangelog,
  evaluateTools,
  evaluateCommands,
  evaluateConsumer,
  evaluateIncidents,
  evaluateJointDecision,
];

/** Evaluates every check and decides both decisions; `markdown` reads documents and the changelog. */
export function judge(
  config: CheckpointConfig,
  evidence: Evidence,
  validator: SchemaValidator = createSchemaValidator(),
  markdown?: ReadMarkdown,
): DecisionRecord {
  const context = createEvaluationContext(config, evidence, validator, markdown);
  const outcomes = EVALUATORS.flatMap((evaluate) => evaluate(context));
  if (!evidence.shard) outcomes.push(...failClosed(outcomes));
  const today = evidence.now.slice(0, 10);
  const checks = outcomes.map((outcome) =>
    applyPolicy(outcome, config.checkPolicies, config.waivers, today),
  );
  const decisions = decideAll(checks, config.labels);
  return buildRecord(context, checks, decisions);
}

/**
 * A gate in which nothing was evaluated is NO-GO, never a silent GO (SPEC §2). The gate's own
 * checks (gate.integrity) say nothing about the release, so they do not count as evaluated.
 */
export function failClosed(
  outcomes: readonly Pick<CheckOutcome, 'status' | 'kind'>[],
): CheckOutcome[] {
  const evaluated = outcomes.filter((o) => o.status !== 'skipped' && o.kind !== 'gate');
  if (evaluated.length > 0) return [];
  return [
    {
      id: 'gate.evaluated',
      kind: 'gate',
      status: 'fail',
      summary: 'no check was evaluated: the config declares nothing to verify (fail closed)',
      expected: 'at least one check',
      observed: 0,
    },
  ];
}
