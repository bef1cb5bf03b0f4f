// The CLI composition root: parse argv, build local ports, run the pipeline, print, exit.
// Exit codes: 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run. Never a stack trace.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { runCheckpoint, type RunOutcome } from '../app/run-checkpoint.js';
import { aggregateShards, type AggregateOutcome } from '../app/aggregate-shards.js';
import { runVerifyRecord } from './verify-command.js';
import { readRecordDurations } from '../core/shard/durations.js';
import { BUILTIN_SCHEMAS, builtinSchemaName } from '../core/schema/builtin-schemas.js';
import { readOwn } from '../core/own-key.js';
import { formatLocation, type DecisionState } from '../core/model.js';
import { renderText } from '../core/render/text.js';
import { createLocalPorts } from '../adapters/local-ports.js';
import { parseCliArgs, UsageError, USAGE, DEFAULT_CONFIG_PATH } from './args.js';
import { STARTER_CONFIG, STARTER_WORKFLOW } from './init-templates.js';
import { createCliProgress } from './progress.js';
import { stopOnSignals } from '../adapters/stop-signal.js';
import { guardForActions } from './actions-guard.js';

/** Where the CLI writes and what it knows of its terminal. */
export interface CliIo {
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  env: Record<string, string | undefined>;
  version: string;
}

export const EXIT_CODES: Record<DecisionState, number> = { GO: 0, 'NO-GO': 1, CONDITIONAL: 2 };
export const EXIT_UNUSABLE = 3;

/** Runs the CLI; resolves to the exit code. Every failure path prints a message, not a stack. */
export async function main(argv: string[], given: CliIo): Promise<number> {
  const io = { ...given, stderr: guardForActions(given.stderr, given.env) };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `cutover-checkpoint: ${error.message}\nRun \`cutover-checkpoint --help\` for usage.\n`,
      );
      return EXIT_UNUSABLE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`cutover-checkpoint: the gate could not run: ${message}\n`);
    if (io.env.CUTOVER_CHECKPOINT_DEBUG && error instanceof Error)
      io.stderr.write(`${error.stack}\n`);
    return EXIT_UNUSABLE;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const request = parseCliArgs(argv);
  switch (request.command) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout.write(`${io.version}\n`);
      return 0;
    case 'schema': {
      const schema = readOwn<object>(
        BUILTIN_SCHEMAS,
        (builtinSchemaName(request.name) ?? request.name).replace(/\.schema\.json$/, ''),
      );
      if (!schema)
        throw new UsageError(
          `unknown schema '${request.name}'; built-in schemas: ${Object.keys(BUILTIN_SCHEMAS).join(', ')}`,
        );
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      return 0;
    }
    case 'init':
      return init(request.cwd, request.force, io);
    case 'verify-record':
      // It prints paths and ids read from a record file: echoed with workflow commands stopped.
      return runVerifyRecord(
        request.record,
        request.tree,
        request.decision,
        { stdout: guardForActions(io.stdout, io.env) },
        new Date(),
      );
  }

  const root = resolve(request.cwd);
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && !request.json;
  const log = (text: string) => io.stderr.write(`${text}\n`);
  const ports = createLocalPorts({
    root,
    evidenceDir: resolve(root, request.outDir),
    logger: { info: log, warn: (text) => log(`warning: ${text}`) },
  });
  if (request.command === 'aggregate') {
    const records = request.records.map((path) => ({ path, text: readRecordFile(path) }));
    return report(
      await aggregateShards(ports, {
        configPath: request.configPath,
        records,
        ...(request.trustedRef ? { trustedRef: request.trustedRef } : {}),
      }),
      request.json,
      color,
      io,
    );
  }
  const outcome = await runCheckpoint(ports, {
    configPath: request.configPath,
    decision: request.decision,
    modes: request.modes,
    inputs: request.inputs,
    scope: request.command,
    runCommands: request.runCommands,
    notRunReason:
      request.command === 'validate' ? 'validate does not run commands' : '--no-commands was given',
    concurrency: request.concurrency,
    defaultConcurrency: availableParallelism(),
    context: {
      repository: io.env.GITHUB_REPOSITORY ?? null,
      sha: io.env.GITHUB_SHA ?? null,
      ref: io.env.GITHUB_REF ?? null,
      event: io.env.GITHUB_EVENT_NAME ?? null,
      runUrl: null,
    },
    events: createCliProgress(io.stderr),
    // Only a run with commands has something to stop gracefully; otherwise a signal ends it now.
    ...(request.command === 'run' && request.runCommands ? { signal: stopOnSignals() } : {}),
    ...(request.trustedRef ? { trustedRef: request.trustedRef } : {}),
    ...(request.shard
      ? {
          shard: {
            ...request.shard,
            durations: request.durationsFrom ? readDurations(request.durationsFrom) : undefined,
          },
        }
      : {}),
  });
  return report(outcome, request.json, color, io);
}

/** Prints a judged record (or why the gate could not run) and returns the exit code. */
function report(
  outcome: RunOutcome | AggregateOutcome,
  json: boolean,
  color: boolean,
  io: CliIo,
): number {
  if (outcome.kind === 'unusable') {
    io.stderr.write(`cutover-checkpoint: the gate could not run\n`);
    for (const error of outcome.errors)
      io.stderr.write(`  ${formatLocation(error.location)}: ${error.message}\n`);
    return EXIT_UNUSABLE;
  }
  // The readable verdict quotes command output: under Actions, no workflow command in it runs.
  if (json) io.stdout.write(`${JSON.stringify(outcome.record, null, 2)}\n`);
  else
    guardForActions(io.stdout, io.env).write(
      renderText(outcome.record, {
        color,
        paths: { record: outcome.recordPath, report: outcome.reportPath },
      }),
    );
  return EXIT_CODES[outcome.record.verdict];
}

/** Reads a record file named on the command line (it may live outside the workspace). */
function readRecordFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read record ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

/** Command durations (ms) of a previous record, to balance shards. */
function readDurations(path: string): Record<string, number> {
  const durations = readRecordDurations(readRecordFile(path));
  if (typeof durations === 'string') throw new UsageError(`--durations ${path}: ${durations}`);
  return durations;
}

async function init(cwd: string, force: boolean, io: CliIo): Promise<number> {
  const files = [
    [resolve(cwd, DEFAULT_CONFIG_PATH), STARTER_CONFIG],
    [resolve(cwd, '.github/workflows/cutover-checkpoint.yml'), STARTER_WORKFLOW],
  ] as const;
  const existing = files.filter(([path]) => existsSync(path)).map(([path]) => path);
  if (existing.length > 0 && !force)
    throw new UsageError(`refusing to overwrite ${existing.join(', ')} (use --force)`);
  for (const [path, text] of files) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    io.stdout.write(`wrote ${path}\n`);
  }
  io.stdout.write(`next: edit ${DEFAULT_CONFIG_PATH}, then run \`cutover-checkpoint validate\`\n`);
  return 0;
}
