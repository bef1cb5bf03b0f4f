// Secrets never reach anything the gate writes or posts: known secret values and common token
// shapes are masked in logs, the record and the report.

/** What a masked secret looks like. */
export const MASK = '***';

/** Token shapes worth masking wherever they appear. */
export const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/** Secrets shorter than this are not masked: masking "1" or "ok" would destroy the output. */
const MIN_SECRET_LENGTH = 4;
/** Secrets shorter than this are masked, but mask ordinary words too (see findWeakSecrets). */
const STRONG_SECRET_LENGTH = 8;

/** A text → text function masking the given values and the token shapes. */
export interface Redactor {
  (text: string): string;
  /** Where secrets are in `text`: [start, end) ranges, possibly overlapping, in any order. */
  spans?(text: string): [number, number][];
  /** Whether `text` holds anything to mask (one scan; redact(text) === text when false). */
  finds?(text: string): boolean;
}

/** Creates a redactor for these secret values. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  // Output is redacted a line at a time: a multi-line secret is also masked line by line.
  const pieces = secrets.flatMap((s) =>
    typeof s === 'string' && s.includes('\n') ? [s, ...s.split(/\r?\n/).map((l) => l.trim())] : [s],
  );
  const values = [
    ...new Set(
      pieces.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH),
    ),
  ]
    // Longest first, so a secret containing another is masked whole.
    .sort((a, b) => b.length - a.length);
  const literal =
    values.length > 0 ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : undefined;
  const patterns = literal ? [literal, ...TOKEN_PATTERNS] : TOKEN_PATTERNS;
  // One scan says whether any pattern matches; most text has nothing to mask, so the patterns
  // themselves (applied in order, as before) run only on text that has something.
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
  const finds = (text: string) => any.test(text);
  const redact: Redactor = (text) => {
    if (!finds(text)) return text;
    let result = text;
    for (const pattern of patterns) result = result.replace(pattern, MASK);
    return result;
  };
  redact.spans = (text) => {
    const spans: [number, number][] = [];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern))
        spans.push([match.index, match.index + match[0].length]);
    }
    return spans;
  };
  redact.finds = finds;
  return redact;
}

/** The secret values that are short enough to mask ordinary words (a warning, not an error). */
export function findWeakSecrets(secrets: readonly (string | undefined)[]): string[] {
  return secrets.filter(
    (s): s is string =>
      typeof s === 'string' && s.length >= MIN_SECRET_LENGTH && s.length < STRONG_SECRET_LENGTH,
  );
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Record fields whose values are identifiers, enums, digests or dates, never free text: masking a
 * secret that happens to equal `pass` or `GO` there would corrupt the record, not protect anything.
 */
const STRUCTURAL_KEYS = new Set([
  'id',
  'kind',
  'status',
  'state',
  'verdict',
  'decision_requested',
  'scope',
  'blocks',
  'blocked_by',
  'generated_at',
  'sha256',
  'config_sha256',
  'record_version',
]);

/** Applies a redactor to every free-text string inside a JSON-like value (before it is serialized). */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        STRUCTURAL_KEYS.has(key) ? item : redactDeep(item, redact),
      ]),
    ) as T;
  }
  return value;
}
