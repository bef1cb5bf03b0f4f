// The command lines of the machine's live processes, for the tests that check a run left no
// process behind. Read from /proc where there is one: `ps -eo args` forks this test worker and
// walks the same files, ~100 ms of CPU per look on this machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from './shell-sync.js';

/**
 * Every live process's arguments joined by spaces, as `ps -eo args` shows them (a process without
 * arguments, such as a zombie or a kernel thread, is left out).
 */
export function commandLines(): string[] {
  if (!existsSync('/proc/self/cmdline'))
    return execFileSync('ps', ['-eo', 'args']).toString().split('\n').slice(1);
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let raw: string;
    try {
      raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // it ended between the listing and the read
    }
    if (raw) lines.push(raw.replace(/\0$/, '').replaceAll('\0', ' '));
  }
  return lines;
}

/** Live processes whose command line is exactly `sleep <marker>` (a test's own long sleep). */
export function survivors(marker: string): string[] {
  return commandLines().filter((line) => line.trim() === `sleep ${marker}`);
}
