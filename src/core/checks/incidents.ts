// incidents: no open issue carries a SEV-1/SEV-2 label. Without API access this is pending, never pass.

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';

/** One check when incidents are configured. */
export function evaluateIncidents(context: EvaluationContext): CheckOutcome[] {
  const incidents = context.config.incidents;
  if (!incidents) return [];
  const lookup = context.evidence.incidents;
  const labels = incidents.labels.join(', ');
  if (!lookup || lookup.kind === 'unavailable') {
    return [
      {
        id: 'incidents',
        kind: 'incidents',
        status: 'pending',
        summary: `open incidents (${labels}) could not be looked up: ${lookup?.reason ?? 'no GitHub API access in this run'}`,
      },
    ];
  }
  const open = lookup.value.open;
  if (open.length === 0)
    return [
      {
        id: 'incidents',
        kind: 'incidents',
        status: 'pass',
        summary: `no open issue labelled ${labels}`,
      },
    ];
  return [
    {
      id: 'incidents',
      kind: 'incidents',
      status: 'fail',
      summary: `${open.length} open incident(s): ${open
        .slice(0, 5)
        .map((i) => `#${i.number} ${i.title}`)
        .join('; ')}`,
      details: open.map((i) => `#${i.number} [${i.labels.join(', ')}] ${i.title} ${i.url}`),
      expected: 0,
      observed: open.length,
    },
  ];
}
