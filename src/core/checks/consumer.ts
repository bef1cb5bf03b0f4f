// consumer.*: the consumer side is green: its own decision record (bound to the consumer, see
// consumer-record.ts) and/or its check run at the pinned ref, looked up through the API.

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { loadStructuredFile } from '../evaluation/load-structured-file.js';
import { judgeConsumerRecord } from './consumer-record.js';
import type { DecisionRecord } from '../record.js';

/** Up to two checks: consumer.record and consumer.check. */
export function evaluateConsumer(context: EvaluationContext): CheckOutcome[] {
  const consumer = context.config.consumer;
  if (!consumer) return [];
  const outcomes: CheckOutcome[] = [];
  if (consumer.record) {
    const id = 'consumer.record';
    const loaded = loadStructuredFile(context, consumer.record, {
      schema: 'builtin:decision-record',
      what: "consumer's decision record",
    });
    if (!loaded.ok) {
      outcomes.push({
        id,
        kind: 'consumer',
        status: loaded.status,
        summary: loaded.summary,
        findings: loaded.findings,
      });
    } else {
      const record = loaded.document.value as DecisionRecord;
      outcomes.push(judgeConsumerRecord(record, { ...consumer, record: consumer.record }));
    }
  }
  if (consumer.repository && consumer.checkName) {
    const id = 'consumer.check';
    const lookup = context.evidence.consumerCheck;
    const what = `check '${consumer.checkName}' of ${consumer.repository}@${consumer.ref ?? 'HEAD'}`;
    if (!lookup || lookup.kind === 'unavailable') {
      outcomes.push({
        id,
        kind: 'consumer',
        status: 'pending',
        summary: `${what} could not be looked up: ${lookup?.reason ?? 'no GitHub API access in this run'}`,
      });
    } else if (lookup.value.status !== 'completed') {
      outcomes.push({
        id,
        kind: 'consumer',
        status: 'pending',
        summary: `${what} is ${lookup.value.status}`,
      });
    } else {
      const ok = lookup.value.conclusion === 'success';
      outcomes.push({
        id,
        kind: 'consumer',
        status: ok ? 'pass' : 'fail',
        summary: `${what} concluded ${lookup.value.conclusion}`,
        expected: 'success',
        observed: lookup.value.conclusion,
      });
    }
  }
  return outcomes;
}
