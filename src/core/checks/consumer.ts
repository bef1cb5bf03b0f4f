// consumer.*: the consumer side is green: its own decision record (every verification command passed,
// at the pinned ref) and/or its check run at the pinned ref, looked up through the API.

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from './evaluation-context.js';
import { loadStructuredFile } from './load-structured-file.js';

interface ConsumerRecord {
  gate: { name: string };
  context: { sha?: string | null; repository?: string | null };
  checks: { id: string; kind: string; status: string; summary: string }[];
}

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
      const record = loaded.document.value as ConsumerRecord;
      const sha = record.context.sha ?? '';
      const commandChecks = record.checks.filter((check) => check.kind === 'command');
      const red = commandChecks.filter((check) => check.status !== 'pass');
      if (
        consumer.ref &&
        !(sha.startsWith(consumer.ref) || (consumer.ref.startsWith(sha) && sha !== ''))
      ) {
        outcomes.push({
          id,
          kind: 'consumer',
          status: 'fail',
          summary: `the consumer record ${consumer.record} is for commit ${sha || 'unknown'}, not the pinned ref ${consumer.ref}`,
          expected: consumer.ref,
          observed: sha || null,
        });
      } else if (commandChecks.length === 0) {
        outcomes.push({
          id,
          kind: 'consumer',
          status: 'fail',
          summary: `the consumer record ${consumer.record} holds no verification commands`,
          expected: 'consumer commands passed',
          observed: 'none',
        });
      } else if (red.length > 0) {
        outcomes.push({
          id,
          kind: 'consumer',
          status: 'fail',
          summary: `consumer verification stack is not green: ${red.map((c) => `${c.id} ${c.status}`).join(', ')}`,
          details: red.map((c) => `${c.id}: ${c.summary}`),
          expected: 'all pass',
          observed: Object.fromEntries(red.map((c) => [c.id, c.status])),
        });
      } else {
        outcomes.push({
          id,
          kind: 'consumer',
          status: 'pass',
          summary: `consumer ${record.context.repository ?? record.gate.name} at ${sha.slice(0, 12)}: ${commandChecks.length} verification commands passed`,
        });
      }
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
