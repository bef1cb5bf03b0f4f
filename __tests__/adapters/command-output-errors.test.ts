// A command's log file that cannot be written (a full disk) is not swallowed and does not crash
// the gate: the output still reaches the tail, the tail says the log is incomplete, pipes paused
// for the log wake up, and finish() still resolves.
import type { WriteStream } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CommandOutput } from '../../src/adapters/command-output.js';

/** A log whose writes are held (so the pipe pauses) and then fail with ENOSPC. */
function failingLog() {
  let fail: (() => void) | undefined;
  const log = new Writable({
    highWaterMark: 4,
    write(_chunk, _encoding, callback) {
      fail = () =>
        callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    },
  });
  return { log: log as unknown as WriteStream, fail: () => fail?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CommandOutput when the log file fails', () => {
  it('keeps the output in the tail, wakes a pipe paused for the log, and finishes', async () => {
    const { log, fail } = failingLog();
    const echoed: string[] = [];
    const output = new CommandOutput({
      log,
      logFile: 'logs/build.log',
      redact: (text) => text,
      onOutput: (text) => echoed.push(text),
    });
    const pipe = new PassThrough();
    output.attach(pipe);
    pipe.write('first line, more than the log buffer holds\n');
    await tick();
    expect(output.waitingForLog).toBe(1);
    expect(pipe.isPaused()).toBe(true);

    fail();
    await tick();
    expect(output.waitingForLog).toBe(0);
    expect(pipe.isPaused()).toBe(false);

    pipe.write('second line, after the failure\n');
    await tick();
    const tail = await output.finish();
    expect(tail).toContain('first line');
    expect(tail).toContain('second line, after the failure');
    expect(tail).toContain(
      '[the log logs/build.log could not be written (ENOSPC: no space left on device): it is incomplete]',
    );
    expect(echoed.join('')).toContain('it is incomplete');
  });

  it('says it once, however many writes fail', async () => {
    const log = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('EIO: i/o error'));
      },
    }) as unknown as WriteStream;
    const output = new CommandOutput({ log, logFile: 'x.log', redact: (text) => text });
    const pipe = new PassThrough();
    output.attach(pipe);
    for (let i = 0; i < 5; i++) {
      pipe.write(`line ${i}\n`);
      await tick();
    }
    const tail = await output.finish();
    expect(tail.match(/could not be written/g)).toHaveLength(1);
    expect(tail).toContain('line 4');
  });
});
