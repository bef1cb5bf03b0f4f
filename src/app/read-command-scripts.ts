// Reads the scripts verification commands hand their work to (and the scripts those run, a few
// levels deep), so the rehearsal's mutation check can read what really runs. Missing files are
// fine: the command will say so itself when it runs.

import type { CommandConfig } from '../core/config/config-types.js';
import type { FileRead } from '../core/evidence.js';
import {
  findScriptReferences,
  readScriptBody,
  scriptRefKey,
  type ScriptRef,
} from '../core/commands/script-refs.js';

const MAX_DEPTH = 4;
/**
 * Scripts followed a run, at most (a script, or a package.json script, counted once per directory it
 * runs from); a command that hands work past them is refused in a rehearsal.
 */
export const MAX_SCRIPT_FILES = 64;

/** Reads every referenced script through `read` (which caches); resolves when all are read. */
export async function readCommandScripts(
  commands: readonly CommandConfig[],
  read: (path: string) => Promise<FileRead>,
): Promise<void> {
  let pending: ScriptRef[] = commands.flatMap((c) => findScriptReferences(c.run, c.cwd));
  const seen = new Set<string>();
  for (let depth = 0; depth < MAX_DEPTH && pending.length > 0; depth++) {
    const batch = pending.filter((ref) => {
      // Keyed with the directory it runs from: its own references resolve against that.
      const key = scriptRefKey(ref);
      if (seen.has(key) || seen.size >= MAX_SCRIPT_FILES) return false;
      seen.add(key);
      return true;
    });
    const reads = await Promise.all(batch.map((ref) => read(ref.path)));
    pending = batch.flatMap((ref, i) => {
      const file = reads[i]!;
      const body = file.kind === 'ok' ? readScriptBody(ref, file.text) : undefined;
      return body === undefined ? [] : findScriptReferences(body, ref.cwd);
    });
  }
}
