// Before anything runs: every user schema the config names must declare a JSON Schema draft the
// gate supports (an unknown `$schema` is a config error, exit 3), and the validator classes of the
// drafts in use are loaded here, once, so nothing loads them for runs without user schemas.

import type { CheckpointConfig, ConfigError } from '../core/config/config-types.js';
import { detectFormat, locationOf, parseText } from '../core/parse/parse-document.js';
import { detectDraft, type SchemaDraft } from '../core/schema/schema-drafts.js';
import type { SchemaValidator } from '../core/schema/schema-validator.js';
import { builtinSchemaName } from '../core/schema/builtin-schemas.js';
import type { WorkspacePort } from './ports.js';

/** Checks the drafts of the config's user schemas and loads their validators; errors to stop on. */
export async function prepareSchemas(
  config: CheckpointConfig,
  workspace: WorkspacePort,
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
    const read = await workspace.readFile(path, config.limits.maxFileBytes);
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
