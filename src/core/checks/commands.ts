// command.<id>: each verification command ran, exited 0, reported tests when it must, and is not a
// placeholder; commands.executed fails closed when commands are configured but none ran.

import type { CommandConfig } from '../config/config-types.js';
import type { CommandResult } from '../evidence.js';
import type { CheckOutcome } from '../model.js';
import { explainExit, findErrorLines } from '../commands/explain-exit.js';
import { isPlaceholderCommand } from '../commands/placeholder.js';
import { isPlaceholderBody } from '../commands/command-body.js';
import { formatDuration } from '../config/duration.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';

/** Commands refused in this run, and the commands skipped because of them (transitively). */
function findDeferred(commands: CommandConfig[], results: Map<string, CommandResult>): Set<string> {
  const deferred = new Set(
    commands.filter((c) => results.get(c.id)?.state === 'refused').map((c) => c.id),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const command of commands) {
      if (
        !deferred.has(command.id) &&
        results.get(command.id)?.state === 'skipped' &&
        command.needs.some((need) => deferred.has(need))
      ) {
        deferred.add(command.id);
        grew = true;
      }
    }
  }
  return deferred;
}

/** One check per command, plus the fail-closed check. */
export function evaluateCommands(context: EvaluationContext): CheckOutcome[] {
  const { commands } = context.config;
  if (commands.length === 0) return [];
  const results = context.evidence.commands;
  if (results === null) {
    const reason = context.evidence.commandsNotRunReason ?? 'commands were not run';
    return commands.map((command) => ({
      id: `command.${command.id}`,
      kind: 'command',
      status: 'pending',
      summary: `not executed: ${reason}`,
      expected: 'executed and exited 0',
      observed: 'not executed',
    }));
  }
  const byId = new Map(results.map((result) => [result.id, result]));
  const deferred = findDeferred(commands, byId);
  const outcomes = commands.map((command): CheckOutcome => {
    const result = byId.get(command.id);
    if (!result)
      return {
        id: `command.${command.id}`,
        kind: 'command',
        status: 'error',
        summary: 'no result was recorded for this command',
      };
    if (deferred.has(command.id)) {
      // Refused in a rehearsal (or waiting on one that was): not evidence for the cutover yet.
      return {
        id: `command.${command.id}`,
        kind: 'command',
        status: 'pending',
        only: ['cutover'],
        summary: `${result.state}: ${result.reason ?? 'not run'}`,
        expected: 'executed for the cutover decision',
        observed: result.state,
      };
    }
    return reportLeftovers(evaluateCommand(command, result, context), result);
  });
  // A shard holds a slice of the commands: the fail-closed total is the aggregation's to judge.
  if (context.evidence.shard) return outcomes;
  outcomes.push(
    judgeCommandsExecuted(commands.length, results.filter((r) => r.state === 'ran').length),
  );
  return outcomes;
}

/** A command that left processes running (they were killed) is at best a warning, and says so. */
function reportLeftovers(outcome: CheckOutcome, result: CommandResult): CheckOutcome {
  const left = result.leftovers ?? [];
  if (left.length === 0) return outcome;
  const line = `left ${left.length} process(es) running after it ended, killed by the gate: ${left
    .map((p) => `pid ${p.pid} (${p.command})`)
    .join(', ')}`;
  return {
    ...outcome,
    status: outcome.status === 'pass' ? 'warn' : outcome.status,
    summary: `${outcome.summary}; ${line}`,
    details: [...(outcome.details ?? []), line],
  };
}

/** Fail closed: commands are configured but none ran (shared with the aggregation of shards). */
export function judgeCommandsExecuted(configured: number, ran: number): CheckOutcome {
  return ran > 0
    ? {
        id: 'commands.executed',
        kind: 'command',
        status: 'pass',
        summary: `${ran} of ${configured} verification commands ran`,
      }
    : {
        id: 'commands.executed',
        kind: 'command',
        status: 'fail',
        summary: `none of the ${configured} configured verification commands ran (fail closed)`,
        expected: 'at least one command executed',
        observed: 0,
      };
}

/** Whether the command only succeeds, looking through `npm run x` and `./script.sh` to their bodies. */
function findPlaceholder(command: CommandConfig, context: EvaluationContext): string | undefined {
  if (isPlaceholderCommand(command.run)) return `\`${command.run}\` only succeeds`;
  const source = command.body;
  const read = source ? context.evidence.files[source.path] : undefined;
  if (source && read?.kind === 'ok' && isPlaceholderBody(source, read.text)) {
    return source.kind === 'package-script'
      ? `\`${command.run}\` runs the package.json script '${source.name}', which only succeeds`
      : `\`${command.run}\` runs ${source.path}, which only succeeds`;
  }
  return undefined;
}

function evaluateCommand(
  command: CommandConfig,
  result: CommandResult,
  context: EvaluationContext,
): CheckOutcome {
  const id = `command.${command.id}`;
  const base = { id, kind: 'command' as const };
  if (result.state === 'skipped' || result.state === 'refused' || result.state === 'not-run') {
    // skipped: a dependency failed, which already blocks; not-run: the gate could not start it.
    const status =
      result.state === 'skipped' ? 'skipped' : result.state === 'not-run' ? 'error' : 'fail';
    return { ...base, status, summary: `${result.state}: ${result.reason ?? 'not run'}` };
  }
  const took = formatDuration(result.durationMs);
  if (result.exitCode !== 0 || result.timedOut || result.signal) {
    const how =
      explainExit({
        ...result,
        timeoutMs: command.timeoutMs,
        crlfShebang: hasCrlfShebang(command, context, result.outputTail),
      }) + (result.reason ? ` because ${result.reason}` : '');
    return {
      ...base,
      status: 'fail',
      summary: `\`${command.run}\` ${how} after ${took}`,
      details: findErrorLines(result.outputTail),
      expected: 'exit 0',
      observed: result.timedOut
        ? 'timed out'
        : result.signal
          ? `signal ${result.signal}`
          : `exit ${result.exitCode}`,
    };
  }
  const tests = context.testCounts.get(result.id) ?? null;
  if (tests && tests.failed > 0) {
    return {
      ...base,
      status: 'fail',
      summary: `exited 0 but ${tests.runner} reported ${tests.failed} failed test(s)`,
      expected: '0 failed',
      observed: `${tests.failed} failed`,
    };
  }
  const placeholder = findPlaceholder(command, context);
  if (placeholder) {
    return {
      ...base,
      status: command.placeholder,
      summary: `placeholder command: ${placeholder}; it is not evidence of quality`,
      expected: 'a real check',
      observed: command.run,
    };
  }
  if (command.reportsTests && (!tests || tests.passed + tests.failed === 0)) {
    return {
      ...base,
      status: 'fail',
      summary: `exited 0 in ${took} but reported no tests (reports_tests is set)`,
      expected: 'at least one test run',
      observed: tests ? '0 tests' : 'no test summary line',
    };
  }
  const testText = tests
    ? `, ${tests.passed} passed / ${tests.failed} failed (${tests.runner}${tests.note ? `; ${tests.note}` : ''})`
    : '';
  return { ...base, status: 'pass', summary: `exited 0 in ${took}${testText}` };
}

/** Does the script the command runs start `#!…\r`, or did the shell name an interpreter ending in \r? */
function hasCrlfShebang(
  command: CommandConfig,
  context: EvaluationContext,
  output: string,
): boolean {
  const source = command.body;
  const read = source ? context.evidence.files[source.path] : undefined;
  if (read?.kind === 'ok' && /^#![^\n]*\r\n/.test(read.text)) return true;
  return /\r['’"]?: (?:No such file|not found|bad interpreter)|\^M: bad interpreter/.test(output);
}
