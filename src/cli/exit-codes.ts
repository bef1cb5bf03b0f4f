// The CLI's exit codes (README "Exit codes"): a verdict's state, or 3 when the gate could not run.

import type { DecisionState } from '../core/model.js';

export const EXIT_CODES: Record<DecisionState, number> = { GO: 0, 'NO-GO': 1, CONDITIONAL: 2 };
export const EXIT_UNUSABLE = 3;
