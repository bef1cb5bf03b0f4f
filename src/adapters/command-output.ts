// One command's output on its way out: both pipes' bytes → redacted lines → the bounded tail, the
// live echo and the log file. The log and the tail get everything; the pipes are paused while the
// log file is behind (so memory never holds more than it can take); the live echo never queues
// without bound: while its reader is slow, output is counted, not echoed, and a notice says how
// much was left out and where all of it is.

import type { WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Redactor } from '../core/redact.js';
import { RedactingLineBuffer, type ReleasedOutput } from './line-buffer.js';
import { OutputTail } from './output-tail.js';

/** Bytes of output kept in memory and in the record, per command. */
export const TAIL_BYTES = 16 * 1024;

/** Bytes a live echo may have queued (written, not yet taken by its reader) before output is left out:
 * about one pipe buffer. Queued echo text is held as strings on the JS heap, so a larger queue
 * under a steady flood keeps the young generation growing (1 MiB measured +40-60 MiB peak RSS). */
export const ECHO_QUEUE_BYTES = 64 * 1024;

/** Whether a writable stream (stdout, stderr) holds more than ECHO_QUEUE_BYTES not yet written. */
export function isEchoBackedUp(stream: { writableLength?: number }): boolean {
  return (stream.writableLength ?? 0) > ECHO_QUEUE_BYTES;
}

/** Where one command's output goes. */
export interface CommandOutputOptions {
  /** The command's log file (already open); ended by finish(). */
  log: WriteStream;
  /** Its path, for the notice about output left out of the echo. */
  logFile: string;
  redact: Redactor;
  /** Live echo of redacted, whole lines. */
  onOutput?: (text: string) => void;
  /** True while the echo's reader is slow. */
  echoBackedUp?: () => boolean;
  /** Called on every chunk read and when a paused pipe resumes (activity, for idle detection). */
  onActivity?: () => void;
}

/** Collects one command's output from its pipes. */
export class CommandOutput {
  /** Every byte read from the pipes (before redaction). */
  bytes = 0;
  /** Pipes currently paused until the log file drains. */
  waitingForLog = 0;
  private readonly tail = new OutputTail(TAIL_BYTES);
  private unshown = 0;
  private readonly buffers: RedactingLineBuffer[] = [];
  /** Set once the log file failed (a full disk): output then goes to the tail and echo only. */
  private logFailed = false;

  constructor(private readonly options: CommandOutputOptions) {
    // Without a listener a write error (ENOSPC, EIO) would crash the gate; and pipes paused for
    // a 'drain' that never comes would stall the command. Wake them, and say so in the tail.
    options.log.on('error', (error) => {
      if (this.logFailed) return;
      this.logFailed = true;
      options.log.emit('drain');
      this.append(
        `\n[the log ${options.logFile} could not be written (${error.message}): it is incomplete]\n`,
      );
    });
  }

  /** Starts reading a pipe (stdout or stderr), each through its own line buffer. */
  attach(stream: Readable): void {
    const buffer = new RedactingLineBuffer(this.options.redact);
    const log = this.options.log;
    stream.on('data', (chunk: Buffer) => {
      this.bytes += chunk.length;
      this.options.onActivity?.();
      if (this.emit(buffer.push(chunk)) === false) {
        stream.pause();
        this.waitingForLog++;
        log.once('drain', () => {
          this.waitingForLog--;
          stream.resume();
          this.options.onActivity?.();
        });
      }
    });
    this.buffers.push(buffer);
  }

  /** Adds text the gate itself writes (e.g. why the command could not start). */
  append(text: string): void {
    this.emit({ text, bytes: [Buffer.from(text)] });
  }

  /**
   * Releases what the line buffers still hold (call after the pipes are destroyed or ended),
   * says how much the echo left out, and ends the log. Resolves to the tail text once the log
   * file is complete.
   */
  finish(): Promise<string> {
    for (const buffer of this.buffers) this.emit(buffer.flush());
    if (this.unshown > 0)
      this.options.onOutput?.(unshownNotice(this.unshown, this.options.logFile));
    this.unshown = 0;
    return new Promise((resolve) => this.options.log.end(() => resolve(this.tail.text())));
  }

  private emit(out: ReleasedOutput | undefined): boolean | undefined {
    if (!out) return undefined;
    this.echo(out);
    let ready = true;
    for (const bytes of out.bytes) {
      this.tail.push(bytes);
      if (!this.logFailed) ready = this.options.log.write(bytes);
    }
    return this.logFailed || ready;
  }

  private echo(out: ReleasedOutput): void {
    const { onOutput, echoBackedUp, logFile } = this.options;
    if (!onOutput || out.text === '') return;
    if (echoBackedUp?.()) {
      for (const bytes of out.bytes) this.unshown += bytes.length;
      return;
    }
    if (this.unshown > 0) onOutput(unshownNotice(this.unshown, logFile));
    this.unshown = 0;
    onOutput(out.text);
  }
}

/** What the live echo says in place of output it left out. */
function unshownNotice(bytes: number, logFile: string): string {
  return `[${bytes} bytes of output not shown here while this log's reader was slow; ${logFile} has all of it]\n`;
}
