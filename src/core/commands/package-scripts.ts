// The `scripts` of a package.json, read in one place for the three questions asked of them (what a
// script names, what runs with pre/post hooks, whether it is a placeholder).

import { isPlainObject } from '../parse/json-pointer.js';
import { readOwn } from '../own-key.js';

/**
 * The `scripts` mapping of a package.json's text; undefined when the text is not JSON or has no
 * such mapping. Not an error here: npm itself refuses a package.json it cannot parse, so the
 * command that runs it fails on its own, with npm's message.
 */
export function readPackageScripts(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const scripts = isPlainObject(parsed) ? parsed.scripts : undefined;
  return isPlainObject(scripts) ? scripts : undefined;
}

/** One script's body, when the package.json has it (as its own key: `constructor` is a name too). */
export function readPackageScript(text: string, name: string): string | undefined {
  const body = readOwn(readPackageScripts(text), name);
  return typeof body === 'string' ? body : undefined;
}
