// The webhook payload of the event that started the workflow (GITHUB_EVENT_PATH). A payload that
// cannot be read or is not a JSON object is a failure that says so: read as `{}`, a pull request
// run would silently lose its PR (no comment, the check run on the merge commit).

import { readFileSync } from 'node:fs';
import { couldNot, ok, type Outcome } from '../../core/outcome.js';

/** A webhook payload: a JSON object whose shape depends on the event. */
export type EventPayload = Record<string, unknown>;

/**
 * Reads and parses the payload at `path`. No path (not on a runner) is an empty payload; an
 * unreadable file or one that is not a JSON object is `unavailable` with the reason and cause.
 */
export function readEventPayload(path: string | undefined): Outcome<EventPayload> {
  if (!path) return ok({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return couldNot(
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`,
      error,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return couldNot(
      `the event payload at GITHUB_EVENT_PATH=${path} is not JSON (${(error as Error).message})`,
      error,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return couldNot(
      `the event payload at GITHUB_EVENT_PATH=${path} is not a JSON object (got ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)})`,
    );
  return ok(value as EventPayload);
}
