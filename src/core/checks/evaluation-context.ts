// What every check evaluator receives: the config, the evidence, and the artifacts parsed once.

import type { CheckpointConfig } from '../config/config-types.js';
import type { Evidence } from '../evidence.js';
import type { ParsedDocument } from '../parse/parse-document.js';
import type { SchemaValidator } from '../schema/schema-validator.js';
import type { CheckOutcome, Finding } from '../model.js';
import type { ReadMarkdown } from '../markdown/outline.js';

/** A structured file after loading: usable, or why not. */
export type LoadedFile =
  | { ok: true; path: string; document: ParsedDocument }
  | { ok: false; path: string; status: 'fail' | 'error'; summary: string; findings: Finding[] };

/** Shared, read-only inputs of the evaluators. */
export interface EvaluationContext {
  config: CheckpointConfig;
  evidence: Evidence;
  validator: SchemaValidator;
  /** Artifacts by id, loaded and schema-checked once. */
  artifacts: Map<string, LoadedFile>;
  /** The Markdown reader, loaded by the app when a document or changelog check runs. */
  markdown?: ReadMarkdown;
}

/** An evaluator turns the context into check outcomes. */
export type Evaluator = (context: EvaluationContext) => CheckOutcome[];
