// `aggregate`: validates shard records against their schema and against each other and the tree's
// config, then judges once more as a run would: the non-command checks are evaluated again here and
// every command check is recomputed from the shards' raw command results (SPEC §10). A status a
// shard record states is never trusted.

import { prepareMarkdown } from './prepare-markdown.js';
import { prepareSchemas } from './prepare-schemas.js';
import { createInputReads } from './read-inputs.js';
import { createSchemaValidator } from '../core/schema/schema-validator.js';
import { collectShardCommands, findShardProblems } from '../core/shard/aggregate.js';
import { findAskMismatches, type ShardAsk } from '../core/shard/shard-ask.js';
import { judge } from '../core/judge.js';
import { collectSecretValues } from '../core/commands/plan-commands.js';
import { createRedactor, redactDeep } from '../core/redact.js';
import { collectEvidence } from './collect-evidence.js';
import { loadPolicy } from './load-config.js';
import type { Ports } from './ports.js';
import type { RunOutcome } from './run-checkpoint.js';
import { requestOfRecord } from './run-request.js';
import { writeRecord } from './write-record.js';
import type { TrustedRef } from './read-trusted.js';
import { readRecords, type RecordFile } from './read-records.js';

/** Same shape as a run's outcome: a judged record, or why the gate could not run. */
export type AggregateOutcome = RunOutcome;

/** Merges shard records produced from the config at `configPath`. */
export async function aggregateShards(
  ports: Ports,
  request: {
    configPath: string;
    records: RecordFile[];
    trustedRef?: TrustedRef;
    commit?: { headSha: string; subjectSha: string };
    asked?: ShardAsk;
  },
): Promise<AggregateOutcome> {
  const validator = createSchemaValidator();
  const loaded = await loadPolicy(ports, request.configPath, validator, request.trustedRef);
  if (!loaded.ok) return { kind: 'unusable', of: 'configuration', errors: loaded.errors };
  if (loaded.read.kind !== 'ok') throw new Error('config read vanished');
  const { records: shards, errors } = readRecords(request.records, validator);
  if (errors.length > 0) return { kind: 'unusable', of: 'shard-records', errors };

  const config = loaded.config;
  const problems = findShardProblems(shards, config, loaded.read.sha256);
  if (problems.length > 0)
    return {
      kind: 'unusable',
      of: 'shard-records',
      errors: problems.map((message) => ({ message, location: { file: config.path } })),
    };
  const firstShard = shards.find((s) => s.record.shard!.index === 1)!;
  const first = firstShard.record;
  const mismatches = request.asked ? findAskMismatches(request.asked, firstShard) : [];
  if (mismatches.length > 0)
    return {
      kind: 'unusable',
      of: 'shard-records',
      errors: mismatches.map((message) => ({ message, location: { file: firstShard.path } })),
    };
  // The merged verdict is published on this job's commit: shards that judged another are refused.
  const shardHead = first.context.head_sha ?? first.context.sha;
  const about = first.context.subject_sha ?? first.context.sha;
  if (
    request.commit &&
    (shardHead !== request.commit.headSha || about !== request.commit.subjectSha)
  )
    return {
      kind: 'unusable',
      of: 'shard-records',
      errors: [
        {
          message: `the shard records judged commit ${String(shardHead)} (for ${String(about)}), but this job holds ${request.commit.headSha} (for ${request.commit.subjectSha}); no verdict is published for a commit that was not judged: aggregate the shards of this run's commit`,
          location: { file: shards[0]!.path },
        },
      ],
    };
  const inputs = createInputReads(config, loaded.read, ports, loaded.trusted);
  const schemaErrors = await prepareSchemas(config, inputs, validator);
  if (schemaErrors.length > 0)
    return { kind: 'unusable', of: 'configuration', errors: schemaErrors };
  const redact = createRedactor(collectSecretValues(config, ports.environment));
  const evidence = await collectEvidence(
    config,
    inputs,
    ports,
    requestOfRecord(first, request.configPath),
    {
      redact,
      recordedCommands: collectShardCommands(shards, config),
      ...(loaded.trusted ? { trusted: { ...loaded.trusted, evaluateIntegrity: true } } : {}),
    },
  );
  const readMarkdown = await prepareMarkdown(config).ready();
  const judged = redactDeep(judge(config, evidence, validator, readMarkdown), redact);
  const merged = {
    record: {
      ...judged,
      aggregated_from: [...shards]
        .sort((a, b) => a.record.shard!.index - b.record.shard!.index)
        .map((s) => s.path),
    },
  };
  return writeRecord(ports, merged.record, validator);
}
