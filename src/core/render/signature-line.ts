// One role's signature line in the report's joint-decision copy: what the gate verified and where
// it came from (file, review URL, run approval), or what the record only claims. Signers, times and
// claims come from a file or an API the judged change can influence: all escaped.

import type { Decision } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { mdText, mdUrl } from './markdown-escape.js';

/** `GO (runtime cutover) — approved by alice (review <url>)`, `_unsigned_ (…)`, or a claim. */
export function renderSignatureLine(
  record: DecisionRecord,
  decision: Decision,
  role: string,
): string {
  const joint = record.joint_decision;
  const what = decision === 'rehearsal' ? 'rehearsal continuation' : 'runtime cutover';
  // A role's NO-GO (changes requested, the record's NO-GO) shows before an approval for it.
  const forRole = (joint?.verified?.[decision] ?? []).filter((s) => s.role === role);
  const verified = forRole.find((s) => s.decision === 'NO-GO') ?? forRole[0];
  if (verified) {
    const state = verified.decision === 'GO' ? `GO (${what})` : 'NO-GO';
    if (verified.source === 'file')
      return `${state} — signed by ${mdText(verified.signer)} at ${mdText(verified.at ?? '?')}`;
    const source =
      verified.source === 'review'
        ? `review ${link(verified.url)}`.trim()
        : `approval of this run's deployment to ${verified.environments?.map(mdText).join(', ') ?? '?'}${link(verified.url) ? ` (${link(verified.url)})` : ''}`;
    return `${state} — ${verified.decision === 'GO' ? 'approved' : 'refused'} by ${mdText(verified.signer)} on GitHub (${source})`;
  }
  const claimed =
    joint && Object.hasOwn(joint.signatures[decision], role)
      ? joint.signatures[decision][role]
      : null;
  return claimed
    ? `_not verified_ (${what}): the record says ${mdText(claimed.decision)} by ${mdText(claimed.signed_by)} at ${mdText(claimed.signed_at)}`
    : `_unsigned_ (${what})`;
}

/** An http(s) URL as a `<…>` autolink (encoded so it cannot end early), or '' for anything else. */
function link(url: string | undefined): string {
  const safe = mdUrl(url);
  return safe ? `<${safe}>` : '';
}
