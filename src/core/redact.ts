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

/** A text → text function masking the given values and the token shapes. */
export type Redactor = (text: string) => string;

/** Creates a redactor for these secret values. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const values = [
    ...new Set(
      secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH),
    ),
  ]
    // Longest first, so a secret containing another is masked whole.
    .sort((a, b) => b.length - a.length);
  const literal =
    values.length > 0 ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let result = literal ? text.replace(literal, MASK) : text;
    for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, MASK);
    return result;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies a redactor to every string inside a JSON-like value (before it is serialized). */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]),
    ) as T;
  }
  return value;
}
