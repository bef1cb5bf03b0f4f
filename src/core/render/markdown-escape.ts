// The one border between untrusted values and Markdown. Every value that comes from an artifact,
// a record, a command, a file path, an input or the policy enters the report, job summary, check
// run and PR comment through one of these contexts, never by hand:
//
//   text   inline text (also safe in a table cell): no HTML, no mention, no link/image, no
//          emphasis, no block start, newlines collapsed
//   prose  text with `code spans` kept as code (check summaries and details are written that way)
//   code   a code span whose delimiter outruns any backtick run in the value
//   html   text inside a raw HTML block (`<summary>`): entities, no mention
//   block  a fenced block whose fence outruns any backtick run in the content
//   label  a Mermaid task name: a small safe alphabet only
//
// No context lets a value produce `<!--` or `-->`, so no value can forge a comment marker.

/** Where a value is placed. `code` inside a table needs `table: true` (pipes split cells there). */
export type MarkdownContext = 'text' | 'prose' | 'code' | 'html' | 'block' | 'label';

/** Breaks a mention or an issue reference without changing what a reader sees. */
const ZERO_WIDTH_SPACE = '\u200B';
/** Line ends (CommonMark's and Unicode's) and the other vertical whitespace. */
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
/** Controls that terminals or browsers act on, and bidi overrides that reorder what is shown. */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Escapes `value` (any value; non-strings are shown as JSON) for one Markdown context. Pure and
 * total: never throws, and the result never contains raw HTML, a mention or a comment marker.
 */
export function escapeMarkdown(
  value: unknown,
  context: MarkdownContext,
  options: { table?: boolean; info?: string } = {},
): string {
  const text = stringify(value);
  switch (context) {
    case 'text':
      return escapeText(flatten(text), true);
    case 'prose':
      return escapeProse(flatten(text), options.table === true);
    case 'code':
      return codeSpan(flatten(text), options.table === true);
    case 'html':
      return escapeHtml(flatten(text));
    case 'block':
      return fencedBlock(text, options.info ?? 'text');
    case 'label':
      return mermaidLabel(flatten(text));
  }
}

/** Inline text. Shorthand for `escapeMarkdown(value, 'text')`. */
export function mdText(value: unknown): string {
  return escapeMarkdown(value, 'text');
}

/** Prose with code spans. Shorthand for `escapeMarkdown(value, 'prose')`. */
export function mdProse(value: unknown, options: { table?: boolean } = {}): string {
  return escapeMarkdown(value, 'prose', options);
}

/** A code span. Shorthand for `escapeMarkdown(value, 'code')`. */
export function mdCode(value: unknown, options: { table?: boolean } = {}): string {
  return escapeMarkdown(value, 'code', options);
}

/** A link destination: http(s) only, percent-encoded so it cannot end the link; else null. */
export function mdUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  url = wellFormed(url);
  // encodeURIComponent leaves ( ) ' ! * alone; a ')' would end the link, so encode by hand.
  return url.replace(/[^A-Za-z0-9\-._~:/?#!$&*+,;=%]/gu, (c) =>
    c.length === 1 && c.charCodeAt(0) < 0x80
      ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : encodeURIComponent(c),
  );
}

function stringify(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return wellFormed(text);
}

/** Replaces lone UTF-16 surrogates (which encodeURIComponent and UTF-8 cannot carry) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** One line: line breaks become spaces, unsafe controls become U+FFFD, tabs spaces. */
function flatten(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(UNSAFE_CHARACTERS, '\uFFFD')
    .trim();
}

/** Removes what could open or close an HTML comment, in contexts where entities do not apply. */
function breakCommentMarkers(text: string): string {
  return text
    .replace(/<!--/g, `<!-${ZERO_WIDTH_SPACE}-`)
    .replace(/--!?>/g, (m) => `-${ZERO_WIDTH_SPACE}${m.slice(1)}`);
}

function escapeText(text: string, atStart: boolean): string {
  let out = text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZERO_WIDTH_SPACE}`)
    .replace(/[\\`*[\]|~$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // `_` between letters or digits cannot open or close emphasis; elsewhere it can.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/#(?=\p{N})/gu, `#${ZERO_WIDTH_SPACE}`);
  // A value at the start of a line (a list item, a table cell) must not start a block.
  if (atStart) out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([#+=-])/, '\\$1');
  return out;
}

function escapeProse(text: string, table: boolean): string {
  // Prose marks code with single backticks; a backtick left unpaired stays a literal backtick.
  const parts = text.split('`');
  const codeEnd = 2 * Math.floor((parts.length - 1) / 2);
  return parts
    .map((part, i) => {
      if (i % 2 === 1 && i < codeEnd) return part.trim() === '' ? '\\`\\`' : codeSpan(part, table);
      const unpaired = i === parts.length - 1 && i % 2 === 1 ? '\\`' : '';
      const text = escapeText(part, i === 0);
      return unpaired + (i + 1 < codeEnd ? guardAutolinkBefore(text) : text);
    })
    .join('');
}

/**
 * A GFM autolink literal (`http://x`, `www.x`, `mailto:x`) runs until whitespace, so one that ends
 * right where a code span starts can swallow its opening backtick and expose the code as Markdown
 * (micromark does so). Escaping `:` and `.` in the last word keeps it from being a link at all.
 */
function guardAutolinkBefore(escaped: string): string {
  const last = /\S+$/.exec(escaped);
  if (!last) return escaped;
  return escaped.slice(0, last.index) + last[0].replace(/[:.]/g, '\\$&');
}

function codeSpan(text: string, table: boolean): string {
  if (text === '') return '` `';
  let body = breakCommentMarkers(text);
  // In a table a pipe ends the cell even inside code; `\|` keeps it, and a backslash before it
  // must not pair with that escape.
  if (table) body = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\p{N})/gu, `#${ZERO_WIDTH_SPACE}`);
}

function fencedBlock(text: string, info: string): string {
  const body = breakCommentMarkers(
    text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARACTERS, '\uFFFD').trimEnd(),
  );
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const safeInfo = info.replace(/[^A-Za-z0-9_-]/g, '');
  return `${fence}${safeInfo}\n${body}\n${fence}`;
}

const MERMAID_KEYWORD =
  /^(gantt|title|section|click|call|dateformat|axisformat|tickinterval|includes|excludes|weekday|weekend|todaymarker|inclusiveenddates|topaxis|displaymode|acctitle|accdescr)\b/i;

function mermaidLabel(text: string): string {
  // Mermaid reads `:` `;` `#` `%` and brackets as syntax; keep letters, digits and a few marks.
  const safe = text
    .replace(/[^\p{L}\p{N} ._\-()/+]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  // A name that starts with a gantt keyword would be read as that statement.
  return safe === '' || MERMAID_KEYWORD.test(safe) ? `_${safe.slice(0, 79)}` : safe.slice(0, 80);
}

/** The longest run of backticks in `text` (0 if none): found by the regex engine, not char by char. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const [run] of text.matchAll(/`+/g)) if (run.length > longest) longest = run.length;
  return longest;
}
