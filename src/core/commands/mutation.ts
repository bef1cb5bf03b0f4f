// Rehearsal safety: commands that change the world (deploy, apply, push, publish) are refused in a
// rehearsal before they start: marked `mutates: true`, running a known tool's mutating subcommand
// anywhere in the line (read word by word, past quotes, global options and wrappers), or handing
// work to a script or package.json script whose body does. Config patterns add more.

import { findMutatingInvocation } from './mutating-programs.js';
import { readScriptBody, findScriptReferences, scriptRefKey } from './script-refs.js';
import { splitCommandLine } from './shell-words.js';
import { unwrapCommand } from './unwrap-command.js';
import type { CouldNot } from '../outcome.js';

/** How deep scripts calling scripts are followed. */
const MAX_DEPTH = 4;

/**
 * A script as the gate read it: its text; `missing` (the command fails on its own when it runs);
 * `unavailable` with why it could not be read (a symlink out of the workspace, too big); or
 * `not-read`, past what the gate follows. What an unread script would do is unknown, so a
 * rehearsal refuses the command (fail closed); so does an unreadable one the shell would read as
 * its commands. A program run by its path that cannot be read (a virtualenv's `python` linked
 * out of the workspace, a large binary) is judged by its words alone, as any program is.
 */
export type ScriptRead =
  | { kind: 'ok'; text: string }
  | { kind: 'missing' }
  | CouldNot
  | { kind: 'not-read'; reason: string };

/** Reads a workspace file among those the gate has already read. */
export type ReadText = (path: string) => ScriptRead;

const NOTHING_READ: ReadText = () => ({ kind: 'missing' });

/** Why a command must not run in a rehearsal, or undefined when it may. */
export function findMutation(
  command: { run: string; mutates: boolean; cwd?: string },
  extraPatterns: readonly string[] = [],
  readText: ReadText = NOTHING_READ,
): string | undefined {
  if (command.mutates) return 'marked mutates: true';
  const patterns = extraPatterns.map((source) => ({ source, regex: new RegExp(source) }));
  return findInLine(command.run, command.cwd ?? '.', patterns, readText, 0, new Set());
}

function findInLine(
  line: string,
  cwd: string,
  patterns: { source: string; regex: RegExp }[],
  readText: ReadText,
  depth: number,
  seen: Set<string>,
): string | undefined {
  for (const { source, regex } of patterns) {
    const match = regex.exec(line);
    if (match) return `matches the mutation pattern /${source}/ ("${match[0].trim()}")`;
  }
  for (const words of splitCommandLine(line)) {
    const found = findInWords(words, cwd, patterns, readText, depth);
    if (found) return found;
  }
  if (depth >= MAX_DEPTH) return undefined;
  for (const ref of findScriptReferences(line, cwd)) {
    const key = scriptRefKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const what = ref.script ? `the package.json script '${ref.script}' (${ref.path})` : ref.path;
    const read = readText(ref.path);
    if (read.kind === 'not-read' || (read.kind === 'unavailable' && ref.shellText))
      return `runs ${what}, which the gate could not read (${read.reason}), so what it changes is unknown`;
    const body = read.kind === 'ok' ? readScriptBody(ref, read.text) : undefined;
    if (body === undefined) continue;
    const inner = findInLine(body, ref.cwd, patterns, readText, depth + 1, seen);
    if (inner) return `runs ${what}, which ${inner}`;
  }
  return undefined;
}

function findInWords(
  words: string[],
  cwd: string,
  patterns: { source: string; regex: RegExp }[],
  readText: ReadText,
  depth: number,
): string | undefined {
  const unwrapped = unwrapCommand(words);
  if (!unwrapped) return undefined;
  if (unwrapped.kind === 'line')
    return depth < MAX_DEPTH
      ? findInLine(unwrapped.line, cwd, patterns, readText, depth + 1, new Set())
      : undefined;
  const verb = findMutatingInvocation(unwrapped.program, unwrapped.args);
  return verb ? `runs \`${unwrapped.program} ${verb}\`` : undefined;
}
