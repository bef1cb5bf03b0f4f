// `cutover-checkpoint verify-record R [--tree DIR] [--decision D]`: prints what verify-record found
// and exits 0/1/2 per the re-derived decision, 1 when the record cannot be relied on here.

import { resolve } from 'node:path';
import { verifyRecord } from '../app/verify-record.js';
import { createMachinePorts } from '../adapters/machine-ports.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { readRecordFile } from '../adapters/record-files.js';
import type { Decision, DecisionState } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { UsageError } from './usage-error.js';

const EXIT: Record<DecisionState, number> = { GO: 0, 'NO-GO': 1, CONDITIONAL: 2 };

/** Runs verify-record; resolves to the exit code. */
export async function runVerifyRecord(
  recordPath: string,
  tree: string,
  decision: Decision | undefined,
  io: {
    stdout: { write(text: string): void };
    /** Warnings (what was not checked), with workflow commands stopped under Actions. */
    stderr: { write(text: string): void };
    /** Where the relative record and tree paths start. */
    cwd: string;
    env: Record<string, string | undefined>;
    /** How git is started (main's `io.git`); the product's own runner when absent. */
    git?: GitRunner;
  },
  now: Date,
): Promise<number> {
  // Read like every record named on the command line; unreadable says why (no such file, EACCES).
  const text = readRecordFile(recordPath, io.cwd);
  if (text.kind !== 'ok') throw new UsageError(text.reason, { cause: text.cause });
  let record: DecisionRecord;
  try {
    record = JSON.parse(text.value) as DecisionRecord;
    if (!record.gate?.config_sha256 || !Array.isArray(record.checks))
      throw new Error('not a record');
  } catch (error) {
    throw new UsageError(
      `${recordPath} is not a decision record (expected the decision-record.json the gate writes)`,
      { cause: error },
    );
  }
  const root = resolve(io.cwd, tree);
  // Nothing is run or written: commands are judged from the record's raw results.
  const ports = createMachinePorts({
    root,
    evidenceDir: root,
    env: io.env,
    ...(io.git ? { git: io.git } : {}),
    // Progress is not shown (the answer is short), warnings are: they say what was not checked.
    logger: { info: () => undefined, warn: (text) => io.stderr.write(`warning: ${text}\n`) },
    lookups: createOfflineLookups('verify-record makes no GitHub API calls'),
  });
  const outcome = await verifyRecord(ports, record, now.toISOString());
  const out = (text: string) => io.stdout.write(text);
  for (const change of outcome.changes) {
    const detail =
      change.state === 'changed'
        ? ` (sha256 ${change.recorded?.slice(0, 12)} → ${change.current?.slice(0, 12)})`
        : '';
    out(`${change.state.padEnd(9)} ${change.id}: ${change.path}${detail}\n`);
  }
  for (const note of outcome.notes) out(`note: ${note}\n`);
  const changed = outcome.changes.filter((c) => c.state !== 'unchanged');
  if (changed.length > 0)
    out(
      `\n${changed.length} input(s) changed since the verdict of ${record.generated_at}: ${changed.map((c) => c.path).join(', ')}. Run the gate again.\n`,
    );
  for (const problem of outcome.problems) out(`\nnot verifiable: ${problem}\n`);
  if (changed.length > 0 || outcome.problems.length > 0) return 1;
  out(`\nEvidence unchanged since the verdict of ${record.generated_at}.\n`);
  if (!decision) return 0;
  const derived = outcome.decisions[decision];
  const blocked =
    derived.blocked_by.length > 0 ? ` (blocked by ${derived.blocked_by.join(', ')})` : '';
  out(
    `Re-derived from the record's checks, the ${decision} decision is ${derived.state}${blocked}.\n`,
  );
  return EXIT[derived.state];
}
