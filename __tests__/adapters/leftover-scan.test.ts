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

/** A fake /proc: each pid's reads in turn (the last one repeats); `killed` makes every pid gone. */
function fakeProc(files: Record<number, { environ: string[]; stat: string; cmdline?: string }>) {
  const reads: string[] = [];
  let killed = false;
  const turn = new Map<number, number>();
  const proc: ProcFiles = {
    pids: () => (killed ? [] : Object.keys(files).map(Number)),
    read(pid, file) {
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

const sleeping = (flags = 4194560) => `${PID} (sleep) S 1 ${PID} ${PID} 0 -1 ${flags} 0 0`;
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
      [KTHREAD]: { environ: [''], stat: `${KTHREAD} (kworker/0:1) I 2 0 0 0 -1 69238880 0 0` },
      [ZOMBIE]: { environ: [''], stat: `${ZOMBIE} (sh) Z 1 ${ZOMBIE} ${ZOMBIE} 0 -1 4194308 0 0` },
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
