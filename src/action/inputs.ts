// The only place that reads Action inputs: once, into one typed object, validated.

import * as core from '@actions/core';
import { BASELINE_FIELDS, DECISIONS, type Baseline, type Decision } from '../core/model.js';
import { INPUTS } from './constants.js';
import { parseShardSpec, type ShardSpec } from '../core/shard/partition.js';
import { checkWorkingDirectory } from './working-directory.js';

export interface ActionInputs {
  config: string;
  decision: Decision;
  modes: string[];
  baseline: Baseline;
  githubToken: string;
  checkName: string;
  comment: 'auto' | 'always' | 'never';
  failOn: 'no-go' | 'conditional' | 'never';
  publish: boolean;
  evidenceDir: string;
  conditionalConclusion: 'neutral' | 'success' | 'failure' | 'action_required';
  workingDirectory: string;
  /** Run one shard of the commands (a partial record, nothing published). */
  shard?: ShardSpec;
  /** A previous record whose durations balance the shards. */
  durations: string;
  /** A glob of shard records to merge instead of running. */
  aggregate: string;
}

/** Thrown for an input that cannot be used; the message names the input and what is expected. */
export class InputError extends Error {}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new InputError(
      `Invalid input '${name}': '${value}'. Expected one of: ${allowed.join(', ')}.`,
    );
  return value as T;
}

/** Reads every input; `workflow_dispatch` inputs may override decision and modes. */
export function readInputs(dispatch: { decision?: string; modes?: string } = {}): ActionInputs {
  const baseline: Baseline = {};
  const baselineInputs = [
    INPUTS.releaseTag,
    INPUTS.commitSha,
    INPUTS.serviceContractVersion,
    INPUTS.apiContractVersion,
    INPUTS.integrationBaseline,
  ];
  BASELINE_FIELDS.forEach((field, i) => {
    const value = core.getInput(baselineInputs[i]!);
    if (value.length > 256)
      throw new InputError(
        `Invalid input '${baselineInputs[i]}': ${value.length} characters long. Expected at most 256.`,
      );
    if (value) baseline[field] = value;
  });
  const { githubToken: token, checkName } = readPublishingInputs();
  if (token) core.setSecret(token);
  const modes = (dispatch.modes || core.getInput(INPUTS.modes)).split(/[\s,]+/).filter(Boolean);
  return {
    config: core.getInput(INPUTS.config) || '.github/cutover-checkpoint.yml',
    decision: oneOf(
      INPUTS.decision,
      dispatch.decision || core.getInput(INPUTS.decision) || 'rehearsal',
      DECISIONS,
    ),
    modes,
    baseline,
    githubToken: token,
    checkName,
    comment: oneOf(INPUTS.comment, core.getInput(INPUTS.comment) || 'auto', [
      'auto',
      'always',
      'never',
    ] as const),
    failOn: oneOf(INPUTS.failOn, core.getInput(INPUTS.failOn) || 'no-go', [
      'no-go',
      'conditional',
      'never',
    ] as const),
    publish: core.getInput(INPUTS.publish) === '' ? true : core.getBooleanInput(INPUTS.publish),
    evidenceDir: core.getInput(INPUTS.evidenceDir) || 'checkpoint-evidence',
    conditionalConclusion: oneOf(
      INPUTS.conditionalConclusion,
      core.getInput(INPUTS.conditionalConclusion) || 'neutral',
      ['neutral', 'success', 'failure', 'action_required'] as const,
    ),
    workingDirectory: readWorkingDirectory(),
    ...readShard(),
    durations: core.getInput(INPUTS.durations),
    aggregate: core.getInput(INPUTS.aggregate),
  };
}

function readWorkingDirectory(): string {
  const value = core.getInput(INPUTS.workingDirectory) || '.';
  const problem = checkWorkingDirectory(process.env.GITHUB_WORKSPACE ?? process.cwd(), value);
  if (problem) throw new InputError(problem);
  return value;
}

function readShard(): { shard?: ShardSpec } {
  const text = core.getInput(INPUTS.shard);
  if (!text) return {};
  const shard = parseShardSpec(text);
  if (typeof shard === 'string') throw new InputError(`Invalid input 'shard': ${shard}.`);
  return { shard };
}

/**
 * The inputs needed to report a failure on a check run, read leniently: when the other inputs are
 * invalid the run still ends with a failed check run that says why.
 */
export function readPublishingInputs(): {
  githubToken: string;
  checkName: string;
  publish: boolean;
} {
  return {
    githubToken: core.getInput(INPUTS.githubToken),
    checkName: core.getInput(INPUTS.checkName) || 'Cutover checkpoint',
    publish: core.getInput(INPUTS.publish).trim().toLowerCase() !== 'false',
  };
}
