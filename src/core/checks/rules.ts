// rule.<id>[.<mode>]: cross-artifact rules over JSON pointers (equal, same set, subset, semver
// comparison, pattern, valid-against-schema). `{mode}` in a pointer expands to one check per mode.

// The functions alone, not the package root: it builds every range class and regex at load.
import semverCmp from 'semver/functions/cmp.js';
import type { ArtifactRef, RuleConfig } from '../config/config-types.js';
import type { CheckOutcome, Finding } from '../model.js';
import { resolvePointer } from '../parse/json-pointer.js';
import { locationOf } from '../parse/parse-document.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import {
  canonicalValue,
  compareExactSets,
  displayValue,
  exactNumbersUnder,
  withExactNumbers,
  type ExactNumbers,
} from '../values/canonical-value.js';
import { parseReleaseTag } from './semver-sanity.js';
import { judgeSchemaRule, type Side } from './rule-schema.js';

const SEMVER_OPERATORS = { eq: '==', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** All rules, expanded per mode where they use `{mode}`. */
export function evaluateRules(context: EvaluationContext): CheckOutcome[] {
  const outcomes: CheckOutcome[] = [];
  for (const rule of context.config.rules) {
    const perMode = [rule.left.pointer, rule.right?.pointer ?? ''].some((p) =>
      p.includes('{mode}'),
    );
    const modes = perMode ? context.evidence.modes : [undefined];
    for (const mode of modes) outcomes.push(evaluateRule(context, rule, mode));
  }
  return outcomes;
}

function evaluateRule(
  context: EvaluationContext,
  rule: RuleConfig,
  mode: string | undefined,
): CheckOutcome {
  const id = mode ? `rule.${rule.id}.${mode}` : `rule.${rule.id}`;
  const expand = (ref: ArtifactRef): ArtifactRef => ({
    ...ref,
    pointer: mode ? ref.pointer.replaceAll('{mode}', mode) : ref.pointer,
  });
  const describe = (ref: ArtifactRef) => `${ref.artifact}#${ref.pointer}`;
  const left = readSide(context, expand(rule.left));
  const right = rule.right
    ? readSide(context, expand(rule.right))
    : rule.hasValue
      ? ({
          ok: true,
          value: rule.value,
          location: undefined,
          exact: exactNumbersUnder(rule.valueNumbers, ''),
        } as Side)
      : undefined;
  const base = { id, kind: 'rule' as const };
  for (const side of [left, right]) {
    if (side && !side.ok)
      return {
        ...base,
        status: side.status,
        summary: `${rule.description ?? rule.id}: ${side.message}`,
      };
  }
  const l = left as Extract<Side, { ok: true }>;
  const r = right as Extract<Side, { ok: true }> | undefined;
  const leftName = describe(expand(rule.left));
  const rightName = rule.right ? describe(expand(rule.right)) : 'the configured value';
  const verdict = judgeRule(context, rule, l, r, leftName, rightName);
  const summary = `${rule.description ? `${rule.description}: ` : ''}${verdict.message}`;
  if (verdict.pass) return { ...base, status: 'pass', summary };
  return {
    ...base,
    status: 'fail',
    summary,
    details: verdict.details,
    findings: verdict.findings ?? [{ message: verdict.message, location: l.location }],
    expected: r ? withExactNumbers(r.value, r.exact) : (rule.pattern ?? rule.schema),
    observed: withExactNumbers(l.value, l.exact),
  };
}

function readSide(context: EvaluationContext, ref: ArtifactRef): Side {
  const loaded = context.artifacts.get(ref.artifact);
  if (!loaded?.ok)
    return {
      ok: false,
      status: 'error',
      message: `artifact '${ref.artifact}' is unusable (see artifact.${ref.artifact})`,
    };
  const found = resolvePointer(loaded.document.value, ref.pointer);
  if (!found.found)
    return {
      ok: false,
      status: 'fail',
      message: `${ref.artifact}#${ref.pointer} does not exist in ${loaded.path}`,
    };
  return {
    ok: true,
    value: found.value,
    document: loaded.document,
    pointer: ref.pointer,
    exact: exactNumbersUnder(loaded.document.inexactNumbers, ref.pointer),
    location: locationOf(loaded.path, loaded.document, ref.pointer),
  };
}

function judgeRule(
  context: EvaluationContext,
  rule: RuleConfig,
  left: Extract<Side, { ok: true }>,
  right: { value: unknown; exact?: ExactNumbers } | undefined,
  leftName: string,
  rightName: string,
): { pass: boolean; message: string; details?: string[]; findings?: Finding[] } {
  const show = (value: unknown) => truncate(JSON.stringify(value));
  switch (rule.type) {
    case 'equal': {
      // Numbers compare by the exact value the file wrote, not by a double's rounded copy.
      const pass =
        canonicalValue(left.value, left.exact) === canonicalValue(right!.value, right!.exact);
      const exactly = (side: { value: unknown; exact?: ExactNumbers }) =>
        typeof side.value === 'number' ? displayValue(side.value, side.exact) : show(side.value);
      return {
        pass,
        message: pass
          ? `${leftName} equals ${rightName}`
          : `${leftName} is ${exactly(left)}, ${rightName} is ${exactly(right!)}`,
      };
    }
    case 'same-set':
    case 'subset': {
      if (!Array.isArray(left.value) || !Array.isArray(right!.value))
        return { pass: false, message: `${leftName} and ${rightName} must both be lists` };
      const { added, removed } = compareExactSets(
        { items: right!.value, exact: right!.exact },
        { items: left.value, exact: left.exact },
      );
      const pass = added.length === 0 && (rule.type === 'subset' || removed.length === 0);
      const details = [
        ...(added.length ? [`in ${leftName} but not ${rightName}: ${added.join(', ')}`] : []),
        ...(rule.type === 'same-set' && removed.length
          ? [`in ${rightName} but not ${leftName}: ${removed.join(', ')}`]
          : []),
      ];
      const relation = rule.type === 'subset' ? 'is a subset of' : 'holds the same set as';
      return {
        pass,
        message: pass
          ? `${leftName} ${relation} ${rightName}`
          : `${leftName} does not ${rule.type === 'subset' ? 'fit within' : 'match the set of'} ${rightName}: ${details.join('; ')}`,
        details,
      };
    }
    case 'semver': {
      const a = typeof left.value === 'string' ? parseReleaseTag(left.value) : null;
      const b = typeof right!.value === 'string' ? parseReleaseTag(right!.value) : null;
      if (!a || !b)
        return {
          pass: false,
          message: `not semantic versions: ${leftName} ${show(left.value)}, ${rightName} ${show(right!.value)}`,
        };
      const pass = semverCmp(a, SEMVER_OPERATORS[rule.operator ?? 'eq'], b);
      return {
        pass,
        message: `${leftName} ${show(left.value)} ${pass ? 'is' : 'is not'} ${rule.operator} ${rightName} ${show(right!.value)}`,
      };
    }
    case 'pattern': {
      const regex = new RegExp(rule.pattern!);
      const values = Array.isArray(left.value) ? left.value : [left.value];
      const bad = values.filter((v) => typeof v !== 'string' || !regex.test(v));
      return {
        pass: bad.length === 0,
        message:
          bad.length === 0
            ? `${leftName} matches /${rule.pattern}/`
            : `${leftName} has ${bad.length} value(s) not matching /${rule.pattern}/: ${bad.slice(0, 10).map(show).join(', ')}`,
      };
    }
    case 'schema':
      return judgeSchemaRule(context, rule.schema!, left, leftName);
  }
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
