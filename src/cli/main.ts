// The CLI composition root: parse argv, build local ports, run the pipeline, print, exit.
// Exit codes: 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run. Never a stack trace.

import { join, resolve } from 'node:path';
import { runGate, type GateResult } from '../app/run-gate.js';
import { findConfigRoot } from '../adapters/find-config-root.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { createMachinePorts } from '../adapters/machine-ports.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { readRecordFile, withShardDurations } from '../adapters/record-files.js';
import { stopOnSignals } from '../adapters/stop-signal.js';
import { createTerminalProgress } from '../adapters/terminal-progress.js';
import { createTerminalSink } from '../adapters/terminal-sink.js';
import type { Outcome } from '../core/outcome.js';
import { readOwn } from '../core/own-key.js';
import { BUILTIN_SCHEMAS, builtinSchemaName } from '../core/schema/builtin-schemas.js';
import { DEFAULT_CONFIG_PATH, parseCliArgs, USAGE } from './args.js';
import { UsageError } from './usage-error.js';
import { guardForActions } from './actions-guard.js';
import { init } from './init.js';
import { EXIT_CODES, EXIT_UNUSABLE } from './exit-codes.js';
import { runVerifyRecord } from './verify-command.js';

/** Where the CLI writes and what it knows of its terminal. */
export interface CliIo {
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean; readonly writableLength?: number };
  /** What commands, tool probes and secrets redaction see (process.env for the real CLI). */
  env: Record<string, string | undefined>;
  version: string;
  /** Where relative paths on the command line start (process.cwd() for the real CLI). */
  cwd: string;
  /** Runs git (index.ts: one that answers from the start-up prefetch). */
  git?: GitRunner;
}

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
      return init(resolve(io.cwd, request.cwd), request.force, io);
    case 'verify-record':
      // It prints paths and ids read from a record file: echoed with workflow commands stopped.
      return runVerifyRecord(
        request.record,
        request.tree,
        request.decision,
        {
          stdout: guardForActions(io.stdout, io.env),
          stderr: io.stderr,
          cwd: io.cwd,
          env: io.env,
          ...(io.git ? { git: io.git } : {}),
        },
        new Date(),
      );
  }

  const log = (text: string) => io.stderr.write(`${text}\n`);
  const root = workspaceRoot(request, io.cwd, log);
  const ports = createMachinePorts({
    root,
    evidenceDir: resolve(root, request.outDir),
    env: io.env,
    ...(io.git ? { git: io.git } : {}),
    logger: { info: log, warn: (text) => log(`warning: ${text}`) },
    lookups: createOfflineLookups(
      'the CLI makes no GitHub API calls; run the Action for API lookups',
    ),
  });
  const sink = createTerminalSink({
    // The readable verdict quotes command output: under Actions, no workflow command in it runs.
    // --json stays raw (its lines cannot start with `::`).
    stdout: request.json ? io.stdout : guardForActions(io.stdout, io.env),
    stderr: io.stderr,
    json: request.json,
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && !request.json,
    debug: Boolean(io.env.CUTOVER_CHECKPOINT_DEBUG),
  });
  if (request.command === 'aggregate') {
    const records = request.records.map((path) => ({ path, text: readRecord(path, io.cwd) }));
    const { configPath, trustedRef, asked } = request;
    return exitCodeOf(
      await runGate(
        ports,
        { configPath, records, asked, ...(trustedRef ? { trustedRef } : {}) },
        sink,
      ),
    );
  }
  const ask = readOrUsage(
    withShardDurations(request.ask, request.durationsFrom, io.cwd),
    '--durations ',
  );
  // Only a run with commands has something to stop gracefully; otherwise a signal ends it now.
  const stop =
    request.command === 'run' && request.runCommands
      ? stopOnSignals({
          notify: (text) => io.stderr.write(text),
          onSecondSignal: () => process.exit(130),
        })
      : undefined;
  try {
    const result = await runGate(
      ports,
      {
        ...ask,
        scope: request.command,
        runCommands: request.runCommands,
        notRunReason:
          request.command === 'validate'
            ? 'validate does not run commands'
            : '--no-commands was given',
        context: {
          repository: io.env.GITHUB_REPOSITORY ?? null,
          sha: io.env.GITHUB_SHA ?? null,
          ref: io.env.GITHUB_REF ?? null,
          event: io.env.GITHUB_EVENT_NAME ?? null,
          runUrl: null,
        },
        events: createTerminalProgress(io.stderr),
        ...(stop ? { signal: stop.signal } : {}),
      },
      sink,
    );
    return exitCodeOf(result);
  } finally {
    stop?.dispose();
  }
}

/** 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run (already reported by the sink). */
function exitCodeOf(result: GateResult): number {
  return result.kind === 'judged' ? EXIT_CODES[result.record.verdict] : EXIT_UNUSABLE;
}

/** A record file named on the command line (it may live outside the workspace), from `base`. */
function readRecord(path: string, base: string): string {
  return readOrUsage(readRecordFile(path, base));
}

/** The value, or a usage error (exit 3) with the reason. */
function readOrUsage<T>(outcome: Outcome<T>, prefix = ''): T {
  if (outcome.kind !== 'ok')
    throw new UsageError(`${prefix}${outcome.reason}`, { cause: outcome.cause });
  return outcome.value;
}

/** The workspace: `--cwd`, or the directory above it that holds the default config (run from `docs/`). */
function workspaceRoot(
  request: { cwd: string; configPath?: string; ask?: { configPath: string } },
  base: string,
  log: (text: string) => void,
): string {
  const start = resolve(base, request.cwd);
  const configPath = request.ask?.configPath ?? request.configPath ?? DEFAULT_CONFIG_PATH;
  if (configPath !== DEFAULT_CONFIG_PATH) return start;
  const root = findConfigRoot(start, configPath);
  if (root !== start) log(`using ${join(root, configPath)} (found above ${start})`);
  return root;
}
