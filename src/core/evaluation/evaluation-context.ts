// What every check evaluator receives: the config, the evidence, and the facts derived from them
// once (user schemas walked with their `$ref`s, artifacts and the joint decision parsed, signatures
// verified, baseline sources, test counts), so no evaluator derives a fact another derives again.

import type { CheckpointConfig } from '../config/config-types.js';
import type { Evidence, TestCounts } from '../evidence.js';
import type { ParsedDocument } from '../parse/parse-document.js';
import type { SchemaValidator } from '../schema/schema-validator.js';
import type { SchemaClosure } from '../schema/schema-closure.js';
import type { Baseline, CheckOutcome, Decision, Finding, SourceLocation } from '../model.js';
import type { ReadMarkdown } from '../markdown/outline.js';
import type { SignoffJudgement } from '../signoff/signoff-types.js';

/** A structured file after loading: usable, or why not. */
export type LoadedFile =
  | { ok: true; path: string; document: ParsedDocument }
  | { ok: false; path: string; status: 'fail' | 'error'; summary: string; findings: Finding[] };

/** What the facts are derived from. */
export interface ContextBase {
  config: CheckpointConfig;
  evidence: Evidence;
  validator: SchemaValidator;
  /** The Markdown reader, loaded by the app when a document or changelog check runs. */
  markdown?: ReadMarkdown;
  /** Each user schema the config names, walked once with the files it `$ref`s. */
  schemaClosures: ReadonlyMap<string, SchemaClosure>;
}

/** Shared, read-only inputs of the evaluators and the record (see create-context.ts). */
export interface EvaluationContext extends ContextBase {
  /** Artifacts by id, loaded and schema-checked once. */
  artifacts: Map<string, LoadedFile>;
  /** The joint decision record, validated once; undefined when none is configured. */
  jointDecision: LoadedFile | undefined;
  /** Per decision, the verified signatures; undefined without a usable joint decision record. */
  signoff: Record<Decision, SignoffJudgement> | undefined;
  /** Every place that states baseline values, in reading order. */
  baselineSources: BaselineSource[];
  /** Per command id that ran: the test counts its closing lines report (null: none found). */
  testCounts: Map<string, TestCounts | null>;
}

/** An evaluator turns the context into check outcomes. */
export type Evaluator = (context: EvaluationContext) => CheckOutcome[];

/** One place the baseline is stated, with where each value sits. */
export interface BaselineSource {
  name: string;
  values: Baseline;
  locate(field: string): SourceLocation | undefined;
}
