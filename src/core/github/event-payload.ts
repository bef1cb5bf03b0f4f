// Reading webhook payloads defensively: every field is checked for shape before it is trusted.

/** A pull request the run is about. */
export interface EventPullRequest {
  number: number;
  headSha: string;
  baseSha: string | null;
  /** Opened from a fork (or another repository): the token is read-only and its code untrusted. */
  fork: boolean;
}

/** A webhook payload object. */
export type Payload = Record<string, unknown>;

/** The pull request a payload object describes, or null when it is malformed. */
export function pullRequestOf(
  pr: Payload | undefined,
  repository: string | null,
  fork?: boolean,
): EventPullRequest | null {
  const number = pr?.number;
  const head = obj(pr?.head);
  const base = obj(pr?.base);
  const headSha = sha(head?.sha);
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || !headSha) return null;
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(base?.repo)?.full_name) ?? repository;
  return {
    number,
    headSha,
    baseSha: sha(base?.sha) ?? null,
    // A head repository the payload names as null is a fork that was deleted: still a fork.
    fork: fork ?? (baseRepo !== null ? headRepo !== baseRepo : false),
  };
}

/** `value` when it is a plain object. */
export function obj(value: unknown): Payload | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Payload)
    : undefined;
}

/** `value` when it is a non-empty string, else null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A full 40-hex sha (64 for SHA-256 repositories), lower-cased, or undefined. */
export function sha(value: unknown): string | undefined {
  return typeof value === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)
    ? value.toLowerCase()
    : undefined;
}
