// What /proc says of one process, for the leftover scan (leftover-processes.ts): whether it
// carries a run's marker variable, and its command line and process group when it does.

import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';

/** The variable that carries the marker. */
export const MARKER_VARIABLE = 'CUTOVER_CHECKPOINT_RUN';

/** One process found with a marker. */
export interface MarkedProcess {
  pid: number;
  /** Its command line, as /proc shows it (bounded). */
  command: string;
  /** The marker value it carries. */
  marker: string;
  /** Its process group id, when /proc says. */
  pgid?: number;
}

/**
 * The files of /proc the scan reads, one process at a time (tests give a fake one). `read` answers
 * undefined when the file cannot be read (the process is gone, or not ours to read).
 */
export interface ProcFiles {
  /** The pids listed now. */
  pids(): number[];
  read(pid: number, file: 'environ' | 'cmdline' | 'stat'): string | undefined;
}

/** This machine's /proc; it lists no pid where there is none (not Linux) to read from. */
export const SYSTEM_PROC: ProcFiles = {
  pids: () =>
    process.platform !== 'linux' || !existsSync('/proc/self/environ')
      ? []
      : readdirSync('/proc')
          .filter((entry) => /^\d+$/.test(entry))
          .map(Number),
  read(pid, file) {
    try {
      return readWhole(`/proc/${pid}/${file}`).toString(file === 'cmdline' ? 'utf8' : 'latin1');
    } catch {
      return undefined; // gone meanwhile, or not ours to read
    }
  },
};

/**
 * One buffer for every read: /proc files say their size is 0, so readFileSync reads them into a
 * fresh 64 KiB buffer each (and copies the result), and a scan reads three files of every process
 * after every command. Grown (doubled) when a file fills it; the view returned is valid until the
 * next read. Throws what open or read throws.
 */
let scratch = Buffer.allocUnsafe(16 * 1024);
function readWhole(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const larger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(larger, 0, 0, length);
        scratch = larger;
      }
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) return scratch.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** A kernel thread (PF_KTHREAD in the flags of /proc/<pid>/stat): it has no environment. */
const PF_KTHREAD = 0x00200000;

/** What one process's files say: carries a matching marker, does not, or could not tell yet. */
export type ProcessRead =
  { kind: 'marked'; process: MarkedProcess } | { kind: 'not-marked' } | { kind: 'unreadable' };

/**
 * The fields of /proc/<pid>/stat after the name (which may hold spaces and parentheses): [0] is
 * the state (field 3), [2] the process group, [6] the flags, [19] the start time (field 22).
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** When process `pid` started (stat's field 22, clock ticks since boot); -Infinity if unknown. */
export function startTime(pid: number, proc: ProcFiles): number {
  const start = Number(statFields(proc.read(pid, 'stat') ?? '')[19]);
  return Number.isFinite(start) ? start : -Infinity;
}

/**
 * Whether process `pid` carries a marker `matches` (its command line, bounded, and process group
 * then), carries none (or is gone), or showed an empty environment while neither a zombie, a
 * kernel thread nor started before `notBefore` (a start time as /proc/<pid>/stat's field 22 counts
 * it, clock ticks since boot): caught in its exec, worth reading again.
 */
export function readProcess(
  pid: number,
  matches: (marker: string) => boolean,
  proc: ProcFiles,
  notBefore: number = -Infinity,
): ProcessRead {
  const environ = proc.read(pid, 'environ');
  if (environ === undefined) return { kind: 'not-marked' };
  if (environ === '') {
    // Linux shows a process's new environment only some time after its exec began: a process
    // caught in between shows none. So does a zombie or a kernel thread, which stay that way.
    const fields = statFields(proc.read(pid, 'stat') ?? '');
    const flags = Number(fields[6]);
    if (fields[0] === undefined || fields[0] === 'Z' || !Number.isInteger(flags))
      return { kind: 'not-marked' };
    // One that started before `notBefore` (this process's start) is no descendant of ours: its
    // environment stays empty (`env -i`), and reading it again would only cost the scan's time.
    if ((flags & PF_KTHREAD) !== 0 || Number(fields[19]) < notBefore) return { kind: 'not-marked' };
    return { kind: 'unreadable' };
  }
  const prefix = `${MARKER_VARIABLE}=`;
  const variable = environ.split('\0').find((item) => item.startsWith(prefix));
  if (!variable || !matches(variable.slice(prefix.length))) return { kind: 'not-marked' };
  const command = (proc.read(pid, 'cmdline') ?? '')
    .replace(/\0+$/, '')
    .replace(/\0/g, ' ')
    .slice(0, 200);
  // Field 5 of stat is the process group.
  const pgid = Number(statFields(proc.read(pid, 'stat') ?? '')[2]);
  return {
    kind: 'marked',
    process: {
      pid,
      command,
      marker: variable.slice(prefix.length),
      ...(Number.isInteger(pgid) ? { pgid } : {}),
    },
  };
}
