// A fake of the runner's side of a step: records outputs, the job summary, log lines (in the
// workflow-command spelling the runner would see) and the step result.
import type { LogPosition, StepIo } from '../../src/adapters/github/step-io.js';

export class FakeStep implements StepIo {
  readonly outputs: Record<string, string> = {};
  summary = '';
  /** Log lines, e.g. `::warning::…`, `::error file=…::…`, plain info lines. */
  readonly log: string[] = [];
  readonly masked: string[] = [];
  /** The message the step failed with (the last one), or undefined when it succeeded. */
  failed: string | undefined;
  /** Make appendSummary reject, as when GITHUB_STEP_SUMMARY cannot be written. */
  summaryFault: Error | undefined;

  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  async appendSummary(markdown: string): Promise<void> {
    if (this.summaryFault) throw this.summaryFault;
    this.summary += markdown;
  }
  info(message: string): void {
    this.log.push(message);
  }
  /** Echoed text (workflow commands stopped on a runner): kept as log lines, marked. */
  echo(text: string): void {
    this.log.push(`[echo] ${text.replace(/\n$/, '')}`);
  }
  notice(message: string): void {
    this.log.push(`::notice::${message}`);
  }
  warning(message: string): void {
    this.log.push(`::warning::${message}`);
  }
  debug(message: string): void {
    this.log.push(`::debug::${message}`);
  }
  error(message: string, at?: LogPosition): void {
    const where = at
      ? ` file=${at.file}${at.line ? `,line=${at.line}` : ''}${at.column ? `,col=${at.column}` : ''}`
      : '';
    this.log.push(`::error${where}::${message}`);
  }
  fail(message: string): void {
    this.failed = message;
    this.log.push(`::error::${message}`);
  }
  mask(secret: string): void {
    this.masked.push(secret);
  }
  /** Lines that are warnings. */
  warnings(): string[] {
    return this.log.filter((line) => line.startsWith('::warning::'));
  }
}
