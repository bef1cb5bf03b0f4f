// The command lines of the machine's live processes, for the tests that check a run left no
// process behind. Read from /proc where there is one: `ps -eo args` forks this test worker and
// walks the same files, ~100 ms of CPU per look on this machine.
import { existsSync } from 'node:fs';
import { SYSTEM_PROC } from '../../src/adapters/proc-files.js';
import { execFileSync } from './shell-sync.js';

/**
 * Every live process's arguments joined by spaces, as `ps -eo args` shows them (a process without
 * arguments, such as a zombie or a kernel thread, is left out).
 */
export function commandLines(): string[] {
  if (!existsSync('/proc/self/cmdline'))
    return execFileSync('ps', ['-eo', 'args']).toString().split('\n').slice(1);
  const lines: string[] = [];
  // The gate's own reader of /proc (one buffer for every file); undefined: it ended meanwhile.
  for (const pid of SYSTEM_PROC.pids()) {
    const raw = SYSTEM_PROC.read(pid, 'cmdline');
    if (raw) lines.push(raw.replace(/\0$/, '').replaceAll('\0', ' '));
  }
  return lines;
}

/** Live processes whose command line is exactly `sleep <marker>` (a test's own long sleep). */
export function survivors(marker: string): string[] {
  return commandLines().filter((line) => line.trim() === `sleep ${marker}`);
}
