// Reads and validates the config through the workspace port. Every failure is a ConfigError with a
// place, so the front doors can stop before anything runs (exit 3).

import type { CheckpointConfig, ConfigError } from '../core/config/config-types.js';
import { parseConfig } from '../core/config/parse-config.js';
import type { FileRead, TrustedRead } from '../core/evidence.js';
import type { SchemaValidator } from '../core/schema/schema-validator.js';
import { normalizeWorkspacePath } from '../core/workspace-path.js';
import type { Ports, WorkspacePort } from './ports.js';
import { readTrustedFile, type TrustedRef } from './read-trusted.js';

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
  if (read.kind === 'unavailable')
    return {
      ok: false,
      errors: [
        {
          message: `config ${normalized.path} could not be read: ${read.reason}`,
          location: { file: normalized.path },
        },
      ],
    };
  const parsed = parseConfig(read.text, normalized.path, validator);
  return parsed.ok ? { ok: true, config: parsed.config, read } : parsed;
}

/** The policy a run is judged under, the tree's own config read, and the trusted ref's config. */
export type LoadedPolicy =
  | {
      ok: true;
      config: CheckpointConfig;
      read: FileRead;
      /** `ref` null: no trusted ref could be established (`config` is unavailable, saying why). */
      trusted?: { ref: string | null; config: TrustedRead };
    }
  | { ok: false; errors: ConfigError[] };

/**
 * Loads the policy (SPEC §10). Without a trusted ref it is the tree's config. With one, the tree's
 * config must still be valid (it is the policy once merged, and no config may name a protected
 * check), but the run is judged under the trusted ref's config, read through git from the
 * workspace directory (or the contents API in a shallow clone, read-trusted.ts), keeping the
 * tree's baseline lock (evidence for the rehearsal; a moved lock fails gate.integrity for the
 * cutover). When the trusted ref is unknown, has no config or cannot be read, the tree's config
 * judges the rehearsal only: gate.integrity blocks the cutover.
 */
export async function loadPolicy(
  ports: Pick<Ports, 'workspace' | 'git' | 'lookups'>,
  path: string,
  validator: SchemaValidator,
  trusted?: TrustedRef,
): Promise<LoadedPolicy> {
  const head = await loadConfig(ports.workspace, path, validator);
  if (!head.ok || !trusted) return head;
  if (trusted.kind === 'unavailable')
    return {
      ...head,
      trusted: {
        ref: null,
        config: {
          kind: 'unavailable',
          path: head.config.path,
          reason: `no trusted ref: ${trusted.reason}`,
        },
      },
    };
  const trustedRef = trusted.ref;
  const read = await readTrustedFile(ports, trustedRef, head.config.path);
  if (read.kind !== 'ok') return { ...head, trusted: { ref: trustedRef, config: read } };
  // Most pull requests leave the config alone: the same text is the same policy, parsed once.
  const parsed =
    head.read.kind === 'ok' && head.read.text === read.text
      ? { ok: true as const, config: head.config }
      : parseConfig(read.text, head.config.path, validator);
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({
        ...error,
        message: `in the policy at the trusted ref ${trustedRef.slice(0, 12)}: ${error.message}`,
      })),
    };
  return {
    ok: true,
    config: { ...parsed.config, baseline: head.config.baseline },
    read: head.read,
    trusted: { ref: trustedRef, config: read },
  };
}
