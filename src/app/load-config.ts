// Reads and validates the config through the workspace port. Every failure is a ConfigError with a
// place, so the front doors can stop before anything runs (exit 3).

import type { CheckpointConfig, ConfigError } from '../core/config/config-types.js';
import { parseConfig } from '../core/config/parse-config.js';
import type { FileRead } from '../core/evidence.js';
import type { SchemaValidator } from '../core/schema/schema-validator.js';
import { normalizeWorkspacePath } from '../core/workspace-path.js';
import type { WorkspacePort } from './ports.js';

/** Config files are small; anything bigger is a mistake. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export type LoadedConfig =
  { ok: true; config: CheckpointConfig; read: FileRead } | { ok: false; errors: ConfigError[] };

/** Loads the config at a workspace-relative path. */
export async function loadConfig(
  workspace: WorkspacePort,
  path: string,
  validator: SchemaValidator,
): Promise<LoadedConfig> {
  const normalized = normalizeWorkspacePath(path);
  if (!normalized.ok)
    return {
      ok: false,
      errors: [{ message: `config path '${path}' ${normalized.reason}`, location: { file: path } }],
    };
  const read = await workspace.readFile(normalized.path, MAX_CONFIG_BYTES);
  if (read.kind === 'missing') {
    return {
      ok: false,
      errors: [
        {
          message: `config not found at ${normalized.path} (in ${workspace.root}); pass --config PATH, or create one with \`cutover-checkpoint init\``,
          location: { file: normalized.path },
        },
      ],
    };
  }
  if (read.kind === 'error')
    return {
      ok: false,
      errors: [
        {
          message: `config ${normalized.path} could not be read: ${read.message}`,
          location: { file: normalized.path },
        },
      ],
    };
  const parsed = parseConfig(read.text, normalized.path, validator);
  return parsed.ok ? { ok: true, config: parsed.config, read } : parsed;
}
