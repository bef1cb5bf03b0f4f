// artifact.<id>: each artifact exists, parses cleanly and matches its schema.

import type { CheckOutcome } from '../model.js';
import type {
  ContextBase,
  EvaluationContext,
  LoadedFile,
} from '../evaluation/evaluation-context.js';
import { loadStructuredFile } from '../evaluation/load-structured-file.js';

/** Loads every configured artifact once, for the evaluators that compare them. */
export function loadArtifacts(context: ContextBase): Map<string, LoadedFile> {
  const loaded = new Map<string, LoadedFile>();
  for (const artifact of context.config.artifacts) {
    loaded.set(
      artifact.id,
      loadStructuredFile(context, artifact.path, {
        format: artifact.format,
        schema: artifact.schema,
        what: `artifact '${artifact.id}'`,
      }),
    );
  }
  return loaded;
}

/** One check per artifact: loaded and valid, or the findings that say where it is not. */
export function evaluateArtifacts(context: EvaluationContext): CheckOutcome[] {
  return context.config.artifacts.map((artifact) => {
    const loaded = context.artifacts.get(artifact.id)!;
    if (!loaded.ok) {
      return {
        id: `artifact.${artifact.id}`,
        kind: 'artifact',
        status: loaded.status,
        summary: loaded.summary,
        findings: loaded.findings,
      };
    }
    return {
      id: `artifact.${artifact.id}`,
      kind: 'artifact',
      status: 'pass',
      summary: artifact.schema
        ? `${artifact.path} is valid against ${artifact.schema}`
        : `${artifact.path} parses as ${loaded.document.format.toUpperCase()}`,
    };
  });
}
