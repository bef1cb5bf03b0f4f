// Finds and kills processes a command left behind, including ones that escaped its process group
// (`setsid -f`, `set -m`): every child the gate spawns carries a marker variable, and Linux keeps
// each process's initial environment in /proc/<pid>/environ. Elsewhere (no /proc) this finds
// nothing. A process that re-executes itself with the variable removed is not found (a limit).

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

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

/** A fresh marker prefix for one run of the gate (unguessable, so runs never collide). */
export function createRunMarker(): string {
  return randomBytes(12).toString('hex');
}

/** The pids alive now (empty where there is no /proc): processes a later command cannot own. */
export function listProcessIds(): Set<number> {
  if (process.platform !== 'linux' || !existsSync('/proc/self/environ')) return new Set();
  return new Set(
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number),
  );
}

/**
 * Every live process (other than this one) whose marker value satisfies `matches`. Pids in
 * `skip` (alive before the marker existed) are not read: only descendants carry a marker.
 */
export function findMarkedProcesses(
  matches: (marker: string) => boolean,
  skip: ReadonlySet<number> = new Set(),
): MarkedProcess[] {
  if (process.platform !== 'linux' || !existsSync('/proc/self/environ')) return [];
  const found: MarkedProcess[] = [];
  const prefix = `${MARKER_VARIABLE}=`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid || skip.has(Number(entry))) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const variable = environ.split('\0').find((item) => item.startsWith(prefix));
      if (!variable || !matches(variable.slice(prefix.length))) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
        .replace(/\0+$/, '')
        .replace(/\0/g, ' ')
        .slice(0, 200);
      // Field 5 of stat is the process group; the name (field 2) may hold spaces, so count from ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      found.push({
        pid: Number(entry),
        command,
        marker: variable.slice(prefix.length),
        ...(Number.isInteger(pgid) ? { pgid } : {}),
      });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Sends SIGTERM to each process, waits up to `graceMs` for them to go, then SIGKILLs the rest.
 * Resolves once done; never throws.
 */
export async function killProcesses(processes: readonly MarkedProcess[], graceMs: number) {
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
      return true;
    } catch {
      return false;
    }
  };
  const alive = () => processes.filter((p) => isAlive(p.pid));
  for (const p of processes) signal(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive().length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const p of alive()) signal(p.pid, 'SIGKILL');
}

/**
 * Finds every process whose marker satisfies `matches`, calls `first` (e.g. to kill a process
 * group at once), and kills them (SIGTERM, SIGKILL after `graceMs`); scans again for processes
 * started meanwhile (a fork that had not yet left the group), a few rounds. Resolves to all found.
 * `skip`: pids to leave unread (see findMarkedProcesses); the run's final sweep skips none.
 */
export async function reapMarkedProcesses(
  matches: (marker: string) => boolean,
  graceMs: number,
  first: () => void = () => undefined,
  skip: ReadonlySet<number> = new Set(),
): Promise<MarkedProcess[]> {
  const found = new Map<number, MarkedProcess>();
  for (let round = 0; round < 3; round++) {
    const alive = findMarkedProcesses(matches, skip).filter((p) => isAlive(p.pid));
    if (round === 0) first();
    if (alive.length === 0) break;
    for (const p of alive) if (!found.has(p.pid)) found.set(p.pid, p);
    await killProcesses(alive, graceMs);
  }
  return [...found.values()];
}

/** Alive and not a zombie. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}
