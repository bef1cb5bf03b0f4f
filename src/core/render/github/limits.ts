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
  // Find the longest prefix within budget by the limit's own measure; when it leaves a code fence
  // open, close it before the notice and shrink the budget by that fence if it no longer fits.
  let reserve = 0;
  for (;;) {
    const cut = longestPrefixWithin(last, limit - measure(notice) - reserve, measure);
    const open = openFence(cut);
    const closed = open ? `${cut}\n${open}` : cut;
    if (measure(closed + notice) <= limit || reserve >= limit) return closed + notice;
    reserve += measure(`\n${open}`);
  }
}

function longestPrefixWithin(
  text: string,
  budget: number,
  measure: (text: string) => number,
): string {
  let low = 0;
  let high = Math.max(0, Math.min(text.length, budget));
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (measure(text.slice(0, middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  const cut = text.slice(0, low);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The fence a Markdown text leaves open at its end (e.g. "````"), or undefined. */
export function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence)
      open = undefined;
  }
  return open;
}
