// Before anything runs: every user schema the config names must declare a JSON Schema draft the
// gate supports (an unknown `$schema` is a config error, exit 3), and the validator classes of the
// drafts in use are loaded here, once, so nothing loads them for runs without user schemas. The
// schemas are the policy's: read where the run's policy comes from (the trusted ref on a pull
// request, SPEC §10), into the run's one list of inputs, so a pull request's own copy can neither
// pick the drafts loaded nor stop the run.

import type { CheckpointConfig, ConfigError } from '../core/config/config-types.js';
import { detectFormat, locationOf, parseText } from '../core/parse/parse-document.js';
import { detectDraft, type SchemaDraft } from '../core/schema/schema-drafts.js';
import type { SchemaValidator } from '../core/schema/schema-validator.js';
import { builtinSchemaName } from '../core/schema/builtin-schemas.js';
import type { InputReads } from './read-inputs.js';

/** Checks the drafts of the config's user schemas and loads their validators; errors to stop on. */
export async function prepareSchemas(
  config: CheckpointConfig,
  inputs: Pick<InputReads, 'readPolicy'>,
  validator: SchemaValidator,
): Promise<ConfigError[]> {
  const paths = new Set(
    [...config.artifacts.map((a) => a.schema), ...config.rules.map((r) => r.schema)].filter(
      (s): s is string => s !== undefined && builtinSchemaName(s) === undefined,
    ),
  );
  const errors: ConfigError[] = [];
  const drafts: SchemaDraft[] = [];
  for (const path of paths) {
    const read = await inputs.readPolicy(path);
    // Missing or unreadable schemas are reported by the checks that use them.
    if (read.kind !== 'ok') continue;
    const parsed = parseText(read.text, detectFormat(path, read.text));
    if (!parsed.ok) continue;
    const draft = detectDraft(parsed.document.value);
    if (draft.ok) drafts.push(draft.draft);
    else
      errors.push({
        message: `schema ${path}: ${draft.message}`,
        location: locationOf(path, parsed.document, '/$schema'),
      });
  }
  if (errors.length === 0) await validator.load(drafts);
  return errors;
}
