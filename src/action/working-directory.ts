// The `working-directory` input names a directory inside the workspace; `../../x`, an absolute
// path, or a symlink that leads out would judge (and run) another directory's gate.

import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './input-error.js';

/**
 * Returns `value` when it stays inside `workspace` (lexically, and through symlinks when it
 * exists); otherwise throws an InputError saying why not, as every input reader does.
 */
export function readWorkingDirectory(workspace: string, value: string): string {
  const outside = (from: string, to: string) => {
    const path = relative(from, to);
    return (
      path === '..' || path.startsWith(`..${'/'}`) || path.startsWith('..\\') || isAbsolute(path)
    );
  };
  const expected = 'Expected a directory inside the workspace, e.g. services/api.';
  if (isAbsolute(value) || outside(workspace, resolve(workspace, value)))
    throw new InputError(
      `Invalid input 'working-directory': '${value}' leads outside the workspace. ${expected}`,
    );
  const target = resolve(workspace, value);
  if (
    existsSync(target) &&
    existsSync(workspace) &&
    outside(realpathSync(workspace), realpathSync(target))
  )
    throw new InputError(
      `Invalid input 'working-directory': '${value}' leads outside the workspace through a symlink. ${expected}`,
    );
  return value;
}
