// What the app tells the runner before anything starts: which commands are refused in this
// decision, which variables are withheld, and which values are secrets.

import type { CheckpointConfig } from '../config/config-types.js';
import type { Decision } from '../model.js';
import { CREDENTIAL_ENV } from './credentials.js';
import { findMutation, type ReadText } from './mutation.js';

/**
 * Refusals by command id: in a rehearsal, every mutating command (SPEC §6), looking into the
 * scripts it runs through `readText` (files the gate already read).
 */
export function planRefusals(
  config: CheckpointConfig,
  decision: Decision,
  readText?: ReadText,
): Record<string, string> {
  if (decision !== 'rehearsal') return {};
  const refusals: Record<string, string> = {};
  for (const command of config.commands) {
    const why = findMutation(command, config.commandSettings.mutationPatterns, readText);
    if (why)
      refusals[command.id] =
        `refused in a rehearsal: mutating command (${why}); it runs only for the cutover decision`;
  }
  return refusals;
}

/** Inherited variables no command gets unless it asks for them by name. */
export function withheldEnv(config: CheckpointConfig): string[] {
  return [...new Set([...CREDENTIAL_ENV, ...config.commandSettings.secretEnv])];
}

/** Every secret value known before the run: credentials, secret variables, secret command env. */
export function collectSecretValues(
  config: CheckpointConfig,
  environment: Readonly<Record<string, string | undefined>>,
): string[] {
  const values = withheldEnv(config).map((name) => environment[name]);
  for (const command of config.commands) {
    for (const name of command.secretEnv) values.push(command.env[name] ?? environment[name]);
  }
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}
