// The joint decision record, loaded once per evaluation (create-context.ts) and shared through
// the context by the checks and the record that read it.

import type { ContextBase, LoadedFile } from './evaluation-context.js';
import { loadStructuredFile } from './load-structured-file.js';

/** The joint decision record validated against builtin:joint-decision, if one is configured. */
export function loadJointDecision(context: ContextBase): LoadedFile | undefined {
  const joint = context.config.jointDecision;
  return joint
    ? loadStructuredFile(context, joint.path, {
        schema: 'builtin:joint-decision',
        what: 'joint decision record',
      })
    : undefined;
}
