// `verify-record`: recomputes the digests a record names against a checkout and says which inputs
// changed since the verdict; with a decision, whether that decision can be taken on the same evidence.

import type { Decision } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import { compareInputs, listRecordedInputs, type InputChange } from '../core/record-inputs.js';
import type { WorkspacePort } from './ports.js';

/** Large enough for any artifact the gate itself would have read. */
const MAX_BYTES = 1024 * 1024 * 1024;

export interface VerifyOutcome {
  changes: InputChange[];
  unchanged: boolean;
  /** The recorded state of the asked decision, when one was asked. */
  decision?: { name: Decision; state: string; label: string; blockedBy: string[] };
}

/** Compares the record's inputs with the workspace. */
export async function verifyRecord(
  workspace: WorkspacePort,
  record: DecisionRecord,
  decision?: Decision,
): Promise<VerifyOutcome> {
  const current: Record<string, string | null> = {};
  for (const input of listRecordedInputs(record)) {
    const read = await workspace.readFile(input.path, MAX_BYTES);
    current[input.path] = read.kind === 'ok' ? read.sha256 : null;
  }
  const changes = compareInputs(record, current);
  const unchanged = changes.every((c) => c.state === 'unchanged');
  const outcome = decision ? record.decisions[decision] : undefined;
  return {
    changes,
    unchanged,
    ...(decision && outcome
      ? {
          decision: {
            name: decision,
            state: outcome.state,
            label: outcome.label,
            blockedBy: outcome.blocked_by,
          },
        }
      : {}),
  };
}
