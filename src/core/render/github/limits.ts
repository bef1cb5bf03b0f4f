// GitHub's size limits, and the one way we respect them: try less detail before truncating, and
// when truncating say so with a link to the full report.

/** check run output.summary / output.text: 65,535 (the API description's maxLength). */
export const CHECK_RUN_TEXT_LIMIT = 65_535;
/** Issue and PR comment bodies: 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** Annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** UTF-8 bytes of a text (check-run limits are enforced on bytes). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The first rendering that fits, from most to least detailed; if none does, the least detailed
 * cut at the limit with a visible notice and a link to where the rest is.
 */
export function fitWithin(
  renderings: readonly (() => string)[],
  limit: number,
  measure: (text: string) => number,
  moreAt: string,
): string {
  let last = '';
  for (const render of renderings) {
    last = render();
    if (measure(last) <= limit) return last;
  }
  const notice = `\n\n---\n_Truncated to fit GitHub's limit of ${limit.toLocaleString('en-US')}; the full report is ${moreAt}._\n`;
  // Leave room for a closing fence; find the longest prefix within budget by the limit's own measure.
  const budget = limit - measure(notice) - measure('\n```');
  let low = 0;
  let high = Math.min(last.length, budget);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (measure(last.slice(0, middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  let cut = last.slice(0, low);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // Do not leave a code fence open across the notice.
  if ((cut.match(/^```/gm)?.length ?? 0) % 2 === 1) cut += '\n```';
  return cut + notice;
}
