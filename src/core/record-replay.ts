// Replay: a record names the sha256 of the config and of every artifact and document it read, so a
// verdict can be checked against a checkout later ("is this still the evidence it was given on?").

import type { DecisionRecord } from './record.js';

/** One input of the verdict and whether it is still what it was. */
export interface InputChange {
  id: string;
  path: string;
  recorded: string | null;
  current: string | null;
  state: 'unchanged' | 'changed' | 'missing' | 'appeared';
}

/** The inputs a record rests on: the config and every file the run read (its one list). */
export function listRecordedInputs(
  record: DecisionRecord,
): { id: string; path: string; sha256: string | null }[] {
  const listed = Array.isArray(record.inputs)
    ? record.inputs
    : [...(record.artifacts ?? []), ...(record.documents ?? [])];
  return [
    { id: 'config', path: record.gate.config_path, sha256: record.gate.config_sha256 },
    ...listed.filter((input) => input.path !== record.gate.config_path),
  ];
}

/** Compares recorded digests with current ones (null: file absent). */
export function compareInputs(
  record: DecisionRecord,
  current: Readonly<Record<string, string | null>>,
): InputChange[] {
  return listRecordedInputs(record).map(({ id, path, sha256 }) => {
    const now = current[path] ?? null;
    const state =
      sha256 === now
        ? 'unchanged'
        : now === null
          ? 'missing'
          : sha256 === null
            ? 'appeared'
            : 'changed';
    return { id, path, recorded: sha256, current: now, state };
  });
}
