// Finds and kills processes a command left behind, including ones that escaped its process group
// (`setsid -f`, `set -m`): every child the gate spawns carries a marker variable, and Linux keeps
// each process's initial environment in /proc/<pid>/environ. Elsewhere (no /proc) this finds
// nothing. A process that re-executes itself with the variable removed is not found (a limit).

import { randomBytes } from 'node:crypto';
import {
  readProcess,
  startTime,
  statFields,
  SYSTEM_PROC,
  type MarkedProcess,
  type ProcFiles,
} from './proc-files.js';

export { MARKER_VARIABLE, type MarkedProcess, type ProcFiles } from './proc-files.js';

/** How often, and how long apart, a process whose environment showed nothing is read again. */
const UNREADABLE_RETRIES = 3;
const UNREADABLE_RETRY_MS = 10;

/** A fresh marker prefix for one run of the gate (unguessable, so runs never collide). */
export function createRunMarker(): string {
  return randomBytes(12).toString('hex');
}

/** The pids alive now (empty where there is no /proc): processes a later command cannot own. */
export function listProcessIds(): Set<number> {
  return new Set(SYSTEM_PROC.pids());
}

/**
 * Every live process (other than this one) whose marker value satisfies `matches`. Pids in
 * `skip` (alive before the marker existed) are not read: only descendants carry a marker. A
 * process caught in its exec, whose environment shows nothing yet, is read again a few times
 * 10 ms apart: a background job starting its program as its command ends is found, not missed.
 */
export async function findMarkedProcesses(
  matches: (marker: string) => boolean,
  skip: ReadonlySet<number> = new Set(),
  proc: ProcFiles = SYSTEM_PROC,
): Promise<MarkedProcess[]> {
  // Every process that carries a marker started after this one.
  const notBefore = startTime(process.pid, proc);
  const marked: MarkedProcess[] = [];
  let unreadable: number[] = [];
  const read = (pid: number) => {
    const found = readProcess(pid, matches, proc, notBefore);
    if (found.kind === 'marked') marked.push(found.process);
    else if (found.kind === 'unreadable') unreadable.push(pid);
  };
  for (const pid of proc.pids()) if (pid !== process.pid && !skip.has(pid)) read(pid);
  for (let retry = 0; retry < UNREADABLE_RETRIES && unreadable.length > 0; retry++) {
    await new Promise((resolve) => setTimeout(resolve, UNREADABLE_RETRY_MS));
    const again = unreadable;
    unreadable = [];
    again.forEach(read);
  }
  return marked;
}

/**
 * Sends SIGTERM to each process, waits up to `graceMs` for them to go, then SIGKILLs the rest.
 * Resolves once done; never throws.
 */
export async function killProcesses(
  processes: readonly MarkedProcess[],
  graceMs: number,
  proc: ProcFiles = SYSTEM_PROC,
) {
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
      return true;
    } catch {
      return false;
    }
  };
  const alive = () => processes.filter((p) => isAlive(p.pid, proc));
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
  proc: ProcFiles = SYSTEM_PROC,
): Promise<MarkedProcess[]> {
  const found = new Map<number, MarkedProcess>();
  for (let round = 0; round < 3; round++) {
    // Read before `first` kills the group: what it kills is named too.
    const alive = (await findMarkedProcesses(matches, skip, proc)).filter((p) =>
      isAlive(p.pid, proc),
    );
    if (round === 0) first();
    if (alive.length === 0) break;
    for (const p of alive) if (!found.has(p.pid)) found.set(p.pid, p);
    await killProcesses(alive, graceMs, proc);
  }
  return [...found.values()];
}

/** Alive and not a zombie. */
function isAlive(pid: number, proc: ProcFiles): boolean {
  if (proc === SYSTEM_PROC)
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
  const stat = proc.read(pid, 'stat');
  if (stat === undefined) return proc === SYSTEM_PROC && process.platform !== 'linux';
  return statFields(stat)[0] !== 'Z';
}
