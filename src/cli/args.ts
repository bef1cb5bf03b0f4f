// Parses the CLI's argv into one typed request; bad arguments are a usage error (exit 3).

import { parseArgs } from 'node:util';
import { explainOptionError } from './option-error.js';
import type { Decision } from '../core/model.js';
import { parseShardSpec, type ShardSpec } from '../core/shard/partition.js';
import type { GateAsk } from '../app/run-request.js';
import type { TrustedRef } from '../app/read-trusted.js';
import type { ShardAsk } from '../core/shard/shard-ask.js';
import { baselineOptions, decisionOption } from './ask-options.js';
import { UsageError } from './usage-error.js';

export const DEFAULT_CONFIG_PATH = '.github/cutover-checkpoint.yml';
export const DEFAULT_OUT_DIR = 'checkpoint-evidence';

export const USAGE = `Usage: cutover-checkpoint <command> [options]

Commands:
  run        evaluate the gate, run verification commands, print the verdict
  validate   config, artifacts, rules and documents only (no commands, no tools)
  aggregate R…       merge shard records (from run --shard i/n) into one record and verdict;
                     --decision, --mode and the baseline options, when given, must be the shards'
  verify-record R    recompute a record's input digests against a checkout (--tree DIR, --decision D)
  init       write a starter config and workflow
  schema N   print a built-in JSON Schema (${['producer-manifest', 'handoff-payload', 'joint-decision', 'decision-record', 'checkpoint-config'].join(', ')})

Options for run and validate:
  --config PATH                  config file (default ${DEFAULT_CONFIG_PATH})
  --cwd DIR                      workspace root (default: current directory)
  --decision rehearsal|cutover   the decision whose state is the verdict (default rehearsal)
  --mode M                       handoff mode to check (repeatable; default all configured)
  --release-tag T, --commit-sha S, --service-contract-version V,
  --api-contract-version V, --integration-baseline B
                                 compared with the baseline lock
  --out DIR                      evidence directory (default ${DEFAULT_OUT_DIR}, under --cwd)
  --json                         print the decision record as JSON on stdout
  --no-commands                  do not run verification commands (they stay pending)
  --concurrency N                commands run at once (default: config, else CPU count)
  --shard i/n                    run only the i-th of n balanced slices of the commands
  --durations RECORD             balance shards by the command durations of a previous record
  --trusted-ref REF              judge under the policy (config, schemas) at REF, e.g. the base
                                 branch; a change to policy or protected files fails the cutover

Exit codes: 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run.`;

export type CliRequest =
  | { command: 'help' | 'version' }
  | { command: 'schema'; name: string }
  | { command: 'init'; cwd: string; force: boolean }
  | {
      command: 'aggregate';
      cwd: string;
      configPath: string;
      records: string[];
      outDir: string;
      json: boolean;
      trustedRef?: TrustedRef;
      /** --decision, --mode and the baseline options given: checked against the shards'. */
      asked: ShardAsk;
    }
  | { command: 'verify-record'; record: string; tree: string; decision?: Decision }
  | {
      command: 'run' | 'validate';
      cwd: string;
      /** What the gate is asked: the same shape the Action's inputs give. */
      ask: GateAsk;
      outDir: string;
      json: boolean;
      runCommands: boolean;
      /** A previous record whose command durations balance the shards. */
      durationsFrom?: string;
    };

/** Parses argv (without node and script). */
export function parseCliArgs(argv: string[]): CliRequest {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  if (command === '--version' || command === 'version') return { command: 'version' };
  const parsed = parseOptions(rest);
  const { values, positionals } = parsed;
  if (command === 'schema') {
    if (positionals.length !== 1)
      throw new UsageError(
        'schema takes exactly one NAME, e.g. `cutover-checkpoint schema producer-manifest`',
      );
    return { command: 'schema', name: positionals[0]! };
  }
  const cwd = values.cwd ?? '.';
  if (command === 'aggregate') {
    if (positionals.length === 0)
      throw new UsageError(
        'aggregate takes the shard records to merge, e.g. `cutover-checkpoint aggregate shards/*.json`',
      );
    return {
      command,
      cwd,
      configPath: values.config ?? DEFAULT_CONFIG_PATH,
      records: positionals,
      outDir: values.out ?? DEFAULT_OUT_DIR,
      json: values.json === true,
      ...trustedRefOf(values['trusted-ref']),
      asked: askOf(decisionOption(values.decision), values.mode ?? [], baselineOptions(values)),
    };
  }
  if (command === 'verify-record') {
    if (positionals.length !== 1)
      throw new UsageError(
        'verify-record takes exactly one record, e.g. `cutover-checkpoint verify-record checkpoint-evidence/decision-record.json`',
      );
    const decision = decisionOption(values.decision);
    return {
      command,
      record: positionals[0]!,
      tree: values.tree ?? cwd,
      ...(decision ? { decision } : {}),
    };
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (command === 'init') return { command: 'init', cwd, force: values.force === true };
  if (command !== 'run' && command !== 'validate')
    throw new UsageError(
      `unknown command '${command}'; expected run, validate, aggregate, verify-record, init or schema`,
    );

  const decision: Decision = decisionOption(values.decision) ?? 'rehearsal';
  const inputs = baselineOptions(values);
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new UsageError(
        `--concurrency must be a positive integer (got '${values.concurrency}')`,
      );
  }
  let shard: ShardSpec | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShardSpec(values.shard);
    if (parsed.kind !== 'ok') throw new UsageError(`--${parsed.reason}`);
    shard = parsed.value;
  }
  return {
    command,
    cwd,
    ask: {
      configPath: values.config ?? DEFAULT_CONFIG_PATH,
      decision,
      modes: values.mode ?? [],
      inputs,
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(shard ? { shard } : {}),
      ...trustedRefOf(values['trusted-ref']),
    },
    outDir: values.out ?? DEFAULT_OUT_DIR,
    json: values.json === true,
    runCommands: values['no-commands'] !== true,
    ...(values.durations ? { durationsFrom: values.durations } : {}),
  };
}

/** What an aggregate states of its ask: only what was given is compared with the shards'. */
function askOf(
  decision: Decision | undefined,
  modes: string[],
  inputs: ShardAsk['inputs'],
): ShardAsk {
  return { ...(decision ? { decision } : {}), modes, inputs };
}

/** `--trusted-ref REF`: a commit-ish git can resolve; never an option-looking or empty value. */
function trustedRefOf(value: string | undefined): { trustedRef?: TrustedRef } {
  if (value === undefined) return {};
  if (!/^[\w./@^~-]+$/.test(value) || value.startsWith('-'))
    throw new UsageError(
      `--trusted-ref must be a git ref or sha, e.g. origin/main (got '${value}')`,
    );
  return { trustedRef: { kind: 'ref', ref: value } };
}

const OPTIONS = {
  config: { type: 'string' },
  cwd: { type: 'string' },
  decision: { type: 'string' },
  mode: { type: 'string', multiple: true },
  'release-tag': { type: 'string' },
  'commit-sha': { type: 'string' },
  'service-contract-version': { type: 'string' },
  'api-contract-version': { type: 'string' },
  'integration-baseline': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  'no-commands': { type: 'boolean' },
  concurrency: { type: 'string' },
  force: { type: 'boolean' },
  shard: { type: 'string' },
  durations: { type: 'string' },
  tree: { type: 'string' },
  'trusted-ref': { type: 'string' },
} as const;

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new UsageError(explainOptionError(error as Error, Object.keys(OPTIONS)), {
      cause: error,
    });
  }
}
