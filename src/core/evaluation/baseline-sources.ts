// Where baseline-lock values are observed: inputs, manifest, payload, joint record. Shared by the
// baseline check and the record's baseline table so both read the same values.

import { BASELINE_FIELDS, type Baseline } from '../model.js';
import { isPlainObject, resolvePointer } from '../parse/json-pointer.js';
import { locationOf, type ParsedDocument } from '../parse/parse-document.js';
import type { BaselineSource, EvaluationContext, LoadedFile } from './evaluation-context.js';

export type { BaselineSource } from './evaluation-context.js';

/**
 * The lock as the checks compare with it: without a locked commit_sha, the release tag's commit
 * (from git) is the expected commit for every artifact, not "nothing to compare".
 */
export function expectedBaseline(context: EvaluationContext): Baseline {
  const lock = context.config.baseline;
  if (lock.commit_sha || !lock.release_tag) return lock;
  const git = context.evidence.git;
  const tagged = git.kind === 'ok' ? git.tags[lock.release_tag] : undefined;
  return tagged ? { ...lock, commit_sha: tagged } : lock;
}

/** Every source that states baseline values, in reading order (once: the context's baselineSources). */
export function collectBaselineSources(
  context: Pick<EvaluationContext, 'config' | 'evidence' | 'artifacts'>,
  joint: LoadedFile | undefined,
): BaselineSource[] {
  const sources: BaselineSource[] = [];
  if (Object.keys(context.evidence.inputs).length > 0) {
    sources.push({ name: 'inputs', values: context.evidence.inputs, locate: () => undefined });
  }
  const handoff = context.config.handoff;
  if (handoff) {
    for (const [name, id] of [
      ['manifest', handoff.manifest],
      ['payload', handoff.payload],
    ] as const) {
      const loaded = context.artifacts.get(id);
      if (loaded?.ok) sources.push(fromDocument(name, loaded.path, loaded.document, ''));
    }
  }
  if (joint?.ok) {
    sources.push(fromDocument('joint-decision', joint.path, joint.document, '/baseline'));
  }
  return sources;
}

/** The baseline values stated at `prefix` ('' for the top level) of a parsed file. */
function fromDocument(
  name: string,
  file: string,
  document: ParsedDocument,
  prefix: string,
): BaselineSource {
  const found = resolvePointer(document.value, prefix);
  const value = found.found ? found.value : undefined;
  const values: Baseline = {};
  if (isPlainObject(value)) {
    for (const field of BASELINE_FIELDS) {
      if (typeof value[field] === 'string') values[field] = value[field];
    }
  }
  return {
    name,
    values,
    locate: (field) => locationOf(file, document, `${prefix}/${field}`),
  };
}
