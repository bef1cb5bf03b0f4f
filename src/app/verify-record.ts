// `verify-record`: may this record still be relied on, here and now? It must be a full run (or an
// aggregate), of the commit checked out, with no tracked file modified, the release tag still at
// the locked commit, and every file the run read unchanged. Its decisions are re-derived from its
// checks (SPEC §10); the file's own `verdict` and `decisions` are never read.

import type { DecisionOutcome } from '../core/decide.js';
import type { Decision } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import { compareWithRejudged, rederiveDecisions } from '../core/rederive.js';
import { rejudgeRecord } from './rejudge-record.js';
import { compareInputs, listRecordedInputs, type InputChange } from '../core/record-replay.js';
import type { Ports } from './ports.js';

/** Large enough for any artifact the gate itself would have read. */
const MAX_BYTES = 1024 * 1024 * 1024;

export interface VerifyOutcome {
  /** Why the record cannot be relied on here (scope, commit, dirty tree, tag); empty when none. */
  problems: string[];
  changes: InputChange[];
  unchanged: boolean;
  /** Both decisions, re-derived from the record's checks at `today`. */
  decisions: Record<Decision, DecisionOutcome>;
  /** What the replay changed (expired waivers, protected checks). */
  notes: string[];
}

/** Verifies `record` against the checkout in `ports`; `now` is ISO 8601 UTC. */
export async function verifyRecord(
  ports: Ports,
  record: DecisionRecord,
  now: string,
): Promise<VerifyOutcome> {
  const problems: string[] = [];
  // An aggregate of shards says scope: full; `aggregated_from` alone is no excuse.
  if (record.shard || record.scope !== 'full')
    problems.push(
      `the record's scope is '${record.shard ? 'shard' : (record.scope ?? 'unknown')}': only a full run (scope: full) or an aggregate of shards can be relied on`,
    );
  if (!Array.isArray(record.inputs))
    problems.push(
      'the record lists no inputs (it was written by an older version): run the gate again',
    );

  const lock = record.baseline?.expected ?? {};
  const tag = lock.release_tag;
  const git = await ports.git.inspect({ tags: tag ? [tag] : [], paths: [] });
  const sha = record.context?.sha ?? null;
  if (git.kind !== 'ok') problems.push(`cannot ask git: ${git.reason}`);
  else {
    if (!sha || git.head !== sha)
      problems.push(
        `the record is for commit ${sha ?? 'unknown'}, but HEAD is ${git.head ?? 'unknown'}: check out the commit the record judged`,
      );
    const modified = await ports.git.modifiedFiles();
    if (modified.kind !== 'ok')
      problems.push(`git cannot say whether tracked files are modified: ${modified.reason}`);
    else if (modified.value.length > 0)
      problems.push(
        `tracked files are modified in the checkout: ${modified.value.slice(0, 10).join(', ')}${modified.value.length > 10 ? ` and ${modified.value.length - 10} more` : ''}`,
      );
    if (tag) {
      const expected = lock.commit_sha ?? record.baseline.observed?.git?.commit_sha;
      const resolved = git.tags[tag] ?? null;
      if (!resolved || resolved !== expected)
        problems.push(
          `release tag ${tag} resolves to ${resolved ?? 'nothing (absent)'}, not the locked commit ${expected ?? 'unknown'}`,
        );
    }
  }

  const current: Record<string, string | null> = {};
  for (const input of listRecordedInputs(record)) {
    const read = await ports.workspace.readFile(input.path, MAX_BYTES);
    // Absent is an answer (null); unreadable is not: it cannot be compared, whatever was recorded.
    if (read.kind === 'unavailable') problems.push(`cannot read ${input.path}: ${read.reason}`);
    current[input.path] = read.kind === 'ok' ? read.sha256 : null;
  }
  const changes = compareInputs(record, current);
  // Only worth judging again on the same inputs: otherwise the changes above already say enough.
  if (changes.every((c) => c.state === 'unchanged') && Array.isArray(record.checks)) {
    const rejudged = await rejudgeRecord(ports, record);
    if (rejudged.kind !== 'ok') problems.push(rejudged.reason);
    else problems.push(...compareWithRejudged(record.checks, rejudged.value));
  }
  const { decisions, notes } = rederiveDecisions(
    Array.isArray(record.checks) ? record.checks : [],
    now.slice(0, 10),
  );
  return {
    problems,
    changes,
    unchanged: changes.every((c) => c.state === 'unchanged'),
    decisions,
    notes,
  };
}
