// The leftover scan against a fake /proc: a process caught in its exec shows an empty environment
// for a moment (Linux sets the new one up after the exec can be seen), so a background job
// starting its program just as its command ended was killed with the group but not named (once
// in a dozen whole-suite runs of runner.test.ts). It is read again before the group is killed.
import { describe, expect, it } from 'vitest';
import {
  MARKER_VARIABLE,
  reapMarkedProcesses,
  type ProcFiles,
} from '../../src/adapters/leftover-processes.js';

// Beyond any pid_max (2^22): signals sent to these reach no real process.
const PID = 5_000_001;
const KTHREAD = 5_000_002;
const ZOMBIE = 5_000_003;
const MARKER = 'run:cmd';

/**
 * A fake /proc: each pid's reads in turn (the last one repeats); `killed` makes every pid gone.
 * `selfStart`: this process's start time (stat field 22), when the test gives one.
 */
function fakeProc(
  files: Record<number, { environ: string[]; stat: string; cmdline?: string }>,
  selfStart?: number,
) {
  const reads: string[] = [];
  let killed = false;
  const turn = new Map<number, number>();
  const proc: ProcFiles = {
    pids: () => (killed ? [] : Object.keys(files).map(Number)),
    read(pid, file) {
      if (pid === process.pid)
        return file === 'stat' && selfStart !== undefined
          ? stat(pid, 'node', 'S', 0, selfStart)
          : undefined;
      reads.push(`${pid} ${file}`);
      const entry = files[pid];
      if (killed || !entry) return undefined;
      if (file === 'stat') return entry.stat;
      if (file === 'cmdline') return entry.cmdline ?? '';
      const n = turn.get(pid) ?? 0;
      turn.set(pid, n + 1);
      return entry.environ[Math.min(n, entry.environ.length - 1)];
    },
  };
  return { proc, reads, kill: () => (killed = true) };
}

/** A /proc/<pid>/stat line: state, flags and start time (field 22) where the scan reads them. */
function stat(pid: number, name: string, state: string, flags: number, start = 0): string {
  return `${pid} (${name}) ${state} 1 ${pid} ${pid} 0 -1 ${flags} 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0 0`;
}
const sleeping = (start = 0) => stat(PID, 'sleep', 'S', 4194560, start);
const marked = `PATH=/bin\0${MARKER_VARIABLE}=${MARKER}\0`;

describe('reapMarkedProcesses', () => {
  it('reads again a process caught in its exec, and names it before the group is killed', async () => {
    const { proc, reads, kill } = fakeProc({
      [PID]: { environ: ['', '', marked], stat: sleeping(), cmdline: 'node\u0000server.js\u0000' },
    });
    const environReads = () => reads.filter((r) => r === `${PID} environ`).length;
    let readsWhenKilled: number | undefined;
    const found = await reapMarkedProcesses(
      (m) => m === MARKER,
      0,
      () => ((readsWhenKilled = environReads()), kill()),
      new Set(),
      proc,
    );
    expect(found).toEqual([{ pid: PID, command: 'node server.js', marker: MARKER, pgid: PID }]);
    // Its environment read three times (empty twice), all before the group was killed.
    expect(readsWhenKilled).toBe(3);
  });

  it('reads a kernel thread or a zombie once, and an environment that stays empty a bounded number of times', async () => {
    const { proc, reads } = fakeProc({
      [KTHREAD]: { environ: [''], stat: stat(KTHREAD, 'kworker/0:1', 'I', 69238880) },
      [ZOMBIE]: { environ: [''], stat: stat(ZOMBIE, 'sh', 'Z', 4194308) },
      [PID]: { environ: [''], stat: sleeping() },
    });
    expect(
      await reapMarkedProcesses(
        (m) => m === MARKER,
        0,
        () => undefined,
        new Set(),
        proc,
      ),
    ).toEqual([]);
    expect(reads.filter((r) => r === `${KTHREAD} environ`)).toHaveLength(1);
    expect(reads.filter((r) => r === `${ZOMBIE} environ`)).toHaveLength(1);
    // `env -i` leaves a process with no environment for good: read four times, then let go.
    expect(reads.filter((r) => r === `${PID} environ`)).toHaveLength(4);
  });

  it('reads once a process with no environment that started before this one (no descendant of ours)', async () => {
    const OLDER = 5_000_004;
    const { proc, reads, kill } = fakeProc(
      {
        [OLDER]: { environ: [''], stat: stat(OLDER, 'daemon', 'S', 4194560, 500) },
        [PID]: {
          environ: ['', marked],
          stat: sleeping(2_000),
          cmdline: 'node\u0000server.js\u0000',
        },
      },
      1_000,
    );
    // The group kill (`first`) takes the command's processes, so the next round finds none.
    const found = await reapMarkedProcesses((m) => m === MARKER, 0, kill, new Set(), proc);
    expect(found.map((p) => p.pid)).toEqual([PID]);
    expect(reads.filter((r) => r === `${OLDER} environ`)).toHaveLength(1);
    expect(reads.filter((r) => r === `${PID} environ`)).toHaveLength(2);
  });

  it('does not read the processes alive before the command started', async () => {
    const { proc, reads } = fakeProc({ [PID]: { environ: [marked], stat: sleeping() } });
    expect(
      await reapMarkedProcesses(
        (m) => m === MARKER,
        0,
        () => undefined,
        new Set([PID]),
        proc,
      ),
    ).toEqual([]);
    expect(reads).toEqual([]);
  });
});
