// `cutover-checkpoint verify-record R [--tree DIR] [--decision D]`: prints what verify-record found
// and exits 0/1/2 per the re-derived decision, 1 when the record cannot be relied on here.

import { resolve } from 'node:path';
import { verifyRecord } from '../app/verify-record.js';
import { createMachinePorts } from '../adapters/machine-ports.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { readRecordFile } from '../adapters/record-files.js';
import type { ConfigError } from '../core/config/config-types.js';
import { formatLocation, type Decision } from '../core/model.js';
import { renderVerifyReport } from '../core/render/verify-report.js';
import { createSchemaValidator } from '../core/schema/schema-validator.js';
import { readRecords } from '../app/read-records.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { EXIT_CODES } from './exit-codes.js';
import { UsageError } from './usage-error.js';

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
  // Parsed and schema-checked as aggregate reads shard records: nothing unchecked is relied on.
  const read = readRecords([{ path: recordPath, text: text.value }], createSchemaValidator());
  const [record] = read.records;
  if (!record) throw new UsageError(explainUnreadableRecord(recordPath, read.errors));
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
  const outcome = await verifyRecord(ports, record.record, now.toISOString());
  const report = renderVerifyReport(outcome, record.record.generated_at, decision);
  io.stdout.write(report.text);
  return report.ends === 'unverifiable'
    ? 1
    : report.ends === 'verified'
      ? 0
      : EXIT_CODES[report.ends];
}

/** The usage error for a file that is not a decision record: the first problems, with places. */
function explainUnreadableRecord(path: string, errors: ConfigError[]): string {
  const problems = errors.slice(0, 3).map((e) => `${formatLocation(e.location)}: ${e.message}`);
  return `${path} is not a decision record (expected the decision-record.json the gate writes): ${problems.join('; ')}`;
}
