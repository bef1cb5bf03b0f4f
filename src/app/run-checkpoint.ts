// The pipeline both front doors share: load config → collect evidence → judge → render → write.

import type { ConfigError } from '../core/config/config-types.js';
import { judge } from '../core/judge.js';
import { createSchemaValidator } from '../core/schema/schema-validator.js';
import { collectEvidence } from './collect-evidence.js';
import { partitionCommands } from '../core/shard/partition.js';
import { restrictToShard } from '../core/shard/restrict-to-shard.js';
import { collectSecretValues } from '../core/commands/plan-commands.js';
import { createRedactor, findWeakSecrets, redactDeep } from '../core/redact.js';
import { loadPolicy } from './load-config.js';
import { prepareSchemas } from './prepare-schemas.js';
import { createInputReads } from './read-inputs.js';
import { prepareMarkdown } from './prepare-markdown.js';
import type { Ports } from './ports.js';
import type { RunRequest } from './run-request.js';
import { writeRecord, type WrittenRecord } from './write-record.js';

export type { GateAsk, RunRequest } from './run-request.js';

/**
 * Why the gate could not judge: each error at its place. `of` names what was unusable, for the
 * message's first words: the configuration (config, schemas, modes) or the shard records given to
 * aggregate (unreadable, or judged on another commit, config or question).
 */
export interface Unusable {
  kind: 'unusable';
  of: 'configuration' | 'shard-records';
  errors: ConfigError[];
}

/** The outcome: a judged record with its report, or why the gate could not run. */
export type RunOutcome = WrittenRecord | Unusable;

/** Runs the gate once. Throws only on internal faults. */
export async function runCheckpoint(ports: Ports, request: RunRequest): Promise<RunOutcome> {
  const validator = createSchemaValidator();
  const loaded = await loadPolicy(ports, request.configPath, validator, request.trustedRef);
  if (!loaded.ok) return { kind: 'unusable', of: 'configuration', errors: loaded.errors };
  let config = loaded.config;
  const inputs = createInputReads(config, loaded.read, ports, loaded.trusted);
  const schemaErrors = await prepareSchemas(config, inputs, validator);
  if (schemaErrors.length > 0)
    return { kind: 'unusable', of: 'configuration', errors: schemaErrors };

  const configured = config.handoff?.modes ?? [];
  const unknownModes = request.modes.filter((mode) => !configured.includes(mode));
  if (unknownModes.length > 0) {
    return {
      kind: 'unusable',
      of: 'configuration',
      errors: [
        {
          message: `unknown handoff mode(s) ${unknownModes.map((m) => `'${m}'`).join(', ')}; ${config.path} lists: ${configured.join(', ') || 'none'}`,
          location: config.locations['/handoff'] ?? { file: config.path },
        },
      ],
    };
  }
  if (request.scope === 'validate') {
    // Only what can be judged from the tree itself: no tools or API lookups. Commands stay, as
    // pending, so a decision that has commands is never GO on a validate record (SPEC §10).
    config = {
      ...config,
      tools: [],
      incidents: undefined,
      consumer: config.consumer && { ...config.consumer, checkName: undefined },
    };
  }
  let shard: { index: number; count: number; commands: string[] } | undefined;
  if (request.shard) {
    const commands = partitionCommands(
      config.commands,
      request.shard.count,
      request.shard.durations,
    )[request.shard.index - 1]!;
    shard = { index: request.shard.index, count: request.shard.count, commands };
    config = restrictToShard(config, shard);
  }

  const secrets = [...collectSecretValues(config, ports.environment), ...(request.secrets ?? [])];
  const redact = createRedactor(secrets);
  const weak = findWeakSecrets(secrets).length;
  if (weak > 0)
    ports.logger.warn(
      `${weak} secret value(s) are shorter than 8 characters: they are masked wherever they appear, also inside ordinary words and test summaries`,
    );
  ports.logger.info(`Collecting evidence for ${config.gate.name} (${request.decision})…`);
  const markdownReader = prepareMarkdown(config);
  const evidence = await collectEvidence(config, inputs, ports, request, {
    redact,
    // Gate integrity is evaluated once, like every other non-command check.
    ...(loaded.trusted
      ? { trusted: { ...loaded.trusted, evaluateIntegrity: !shard || shard.index === 1 } }
      : {}),
    ...(shard ? { shard } : {}),
    onWaiting: markdownReader.start,
  });
  // Command output is redacted as it streams; the whole record is redacted again before anything
  // is written, for secrets that reached it another way (an artifact, a document).
  const record = redactDeep(
    judge(config, evidence, validator, await markdownReader.ready()),
    redact,
  );
  return writeRecord(ports, record, validator);
}
