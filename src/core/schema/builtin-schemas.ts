// The JSON Schemas the product ships in schemas/, addressable as `builtin:<name>`.

import producerManifest from '../../../schemas/producer-manifest.schema.json' with { type: 'json' };
import handoffPayload from '../../../schemas/handoff-payload.schema.json' with { type: 'json' };
import jointDecision from '../../../schemas/joint-decision.schema.json' with { type: 'json' };
import decisionRecord from '../../../schemas/decision-record.schema.json' with { type: 'json' };
import checkpointConfig from '../../../schemas/checkpoint-config.schema.json' with { type: 'json' };

/** Built-in schemas by name, as users write them after `builtin:`. */
export const BUILTIN_SCHEMAS: Readonly<Record<string, object>> = {
  'producer-manifest': producerManifest,
  'handoff-payload': handoffPayload,
  'joint-decision': jointDecision,
  'decision-record': decisionRecord,
  'checkpoint-config': checkpointConfig,
};

/** The name after `builtin:`, or undefined for a path. */
export function builtinSchemaName(reference: string): string | undefined {
  return reference.startsWith('builtin:') ? reference.slice('builtin:'.length) : undefined;
}
