// The only place that reads Action inputs: once, into one typed object, validated. The source is
// injected (@actions/core on a runner, a plain map in tests), so nothing reads at import time.

import * as core from '@actions/core';
import { BASELINE_FIELDS, DECISIONS, type Baseline } from '../core/model.js';
import type { GateAsk } from '../app/run-request.js';
import { INPUTS } from './constants.js';
import type { ConditionalConclusion } from '../core/render/github/check-run.js';
import { parseShardSpec } from '../core/shard/partition.js';
import { InputError } from './input-error.js';
import { readWorkingDirectory } from './working-directory.js';

/** Where input values come from: `core.getInput` and `core.getBooleanInput` on a runner. */
export interface InputSource {
  getInput(name: string): string;
  /** Throws for a value that is not a YAML 1.2 boolean (`true`/`True`/`TRUE`/`false`/…). */
  getBooleanInput(name: string): boolean;
}

/** The runner's inputs (`INPUT_<NAME>` variables), through @actions/core. */
export const RUNNER_INPUTS: InputSource = {
  getInput: (name) => core.getInput(name),
  getBooleanInput: (name) => core.getBooleanInput(name),
};

/** The inputs that say how to publish, read leniently (see `readPublishingInputs`). */
export interface PublishingInputs {
  githubToken: string;
  checkName: string;
  publish: boolean;
}

export interface ActionInputs extends PublishingInputs {
  /** What the gate is asked (config, decision, modes, baseline values, shard). */
  ask: GateAsk;
  comment: 'auto' | 'always' | 'never';
  failOn: 'no-go' | 'conditional' | 'never';
  evidenceDir: string;
  conditionalConclusion: ConditionalConclusion;
  workingDirectory: string;
  /** A previous record whose durations balance the shards ('' for none). */
  durations: string;
  /** A glob of shard records to merge instead of running ('' for none). */
  aggregate: string;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new InputError(
      `Invalid input '${name}': '${value}'. Expected one of: ${allowed.join(', ')}.`,
    );
  return value as T;
}

const BASELINE_INPUTS = [
  INPUTS.releaseTag,
  INPUTS.commitSha,
  INPUTS.serviceContractVersion,
  INPUTS.apiContractVersion,
  INPUTS.integrationBaseline,
];

/**
 * Reads every input; `workflow_dispatch` inputs may override decision and modes. `workspace` is
 * GITHUB_WORKSPACE, which `working-directory` must stay inside.
 */
export function readInputs(
  source: InputSource,
  workspace: string,
  dispatch: { decision?: string; modes?: string } = {},
): ActionInputs {
  const get = (name: string) => source.getInput(name);
  const baseline: Baseline = {};
  BASELINE_FIELDS.forEach((field, i) => {
    const value = get(BASELINE_INPUTS[i]!);
    if (value.length > 256)
      throw new InputError(
        `Invalid input '${BASELINE_INPUTS[i]}': ${value.length} characters long. Expected at most 256.`,
      );
    if (value) baseline[field] = value;
  });
  const publishing = readPublishingInputs(source);
  const ask: GateAsk = {
    configPath: get(INPUTS.config) || '.github/cutover-checkpoint.yml',
    decision: oneOf(
      INPUTS.decision,
      dispatch.decision || get(INPUTS.decision) || 'rehearsal',
      DECISIONS,
    ),
    modes: (dispatch.modes || get(INPUTS.modes)).split(/[\s,]+/).filter(Boolean),
    inputs: baseline,
    ...readShard(get(INPUTS.shard)),
  };
  return {
    ...publishing,
    publish: get(INPUTS.publish) === '' ? true : source.getBooleanInput(INPUTS.publish),
    ask,
    comment: oneOf(INPUTS.comment, get(INPUTS.comment) || 'auto', [
      'auto',
      'always',
      'never',
    ] as const),
    failOn: oneOf(INPUTS.failOn, get(INPUTS.failOn) || 'no-go', [
      'no-go',
      'conditional',
      'never',
    ] as const),
    evidenceDir: get(INPUTS.evidenceDir) || 'checkpoint-evidence',
    conditionalConclusion: readConditionalConclusion(get(INPUTS.conditionalConclusion)),
    workingDirectory: readWorkingDirectory(workspace, get(INPUTS.workingDirectory) || '.'),
    durations: get(INPUTS.durations),
    aggregate: get(INPUTS.aggregate),
  };
}

/**
 * CONDITIONAL is never green (SPEC §10): `neutral` and `success` would let branch protection count
 * a CONDITIONAL verdict as passing, so they are refused with the reason, not silently mapped.
 */
function readConditionalConclusion(value: string): ConditionalConclusion {
  if (value === 'neutral' || value === 'success')
    throw new InputError(
      `Invalid input '${INPUTS.conditionalConclusion}': '${value}'. A CONDITIONAL verdict is never green, and branch protection counts ${value} as passing. Expected one of: action_required (default), failure.`,
    );
  return oneOf(INPUTS.conditionalConclusion, value || 'action_required', [
    'action_required',
    'failure',
  ] as const);
}

function readShard(text: string): Pick<GateAsk, 'shard'> {
  if (!text) return {};
  const shard = parseShardSpec(text);
  if (shard.kind !== 'ok') throw new InputError(`Invalid input 'shard': ${shard.reason}.`);
  return { shard: shard.value };
}

/**
 * The inputs needed to report a failure on a check run, read leniently: when the other inputs are
 * invalid the run still ends with a failed check run that says why.
 */
export function readPublishingInputs(source: InputSource): PublishingInputs {
  return {
    githubToken: source.getInput(INPUTS.githubToken),
    checkName: source.getInput(INPUTS.checkName) || 'Cutover checkpoint',
    publish: source.getInput(INPUTS.publish).trim().toLowerCase() !== 'false',
  };
}
