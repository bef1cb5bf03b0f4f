// The joint decision record, loaded once per evaluation and shared by the checks that read it.

import type { EvaluationContext, LoadedFile } from './evaluation-context.js';
import { loadStructuredFile } from './load-structured-file.js';

const cache = new WeakMap<EvaluationContext, LoadedFile | undefined>();

/** The joint decision record validated against builtin:joint-decision, if one is configured. */
export function loadJointDecision(context: EvaluationContext): LoadedFile | undefined {
  if (cache.has(context)) return cache.get(context);
  const joint = context.config.jointDecision;
  const loaded = joint
    ? loadStructuredFile(context, joint.path, {
        schema: 'builtin:joint-decision',
        what: 'joint decision record',
      })
    : undefined;
  cache.set(context, loaded);
  return loaded;
}
