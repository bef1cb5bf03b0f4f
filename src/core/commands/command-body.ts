// Where a command's real body is, for placeholder detection: behind `npm run build` it is the
// package.json script, behind `./scripts/x.sh` the script file. The seed's placeholder-style
// frontend commands hid exactly there.

import { isPlaceholderCommand } from './placeholder.js';
import { joinWorkspacePath, normalizeWorkspacePath } from '../workspace-path.js';
import { readPackageScript } from './package-scripts.js';

/** A file whose text is the command's body, and how to read the body out of it. */
export interface BodySource {
  path: string;
  kind: 'package-script' | 'script-file';
  /** For package scripts: the script name. */
  name?: string;
}

/** Where to look for the body of `run` executed in `cwd`, if it delegates to one. */
export function findBodySource(run: string, cwd: string): BodySource | undefined {
  const trimmed = run.trim();
  // `npm run build`, `pnpm build`, `yarn test`… (but `bun test` is bun's own runner, not a script).
  const packageScript = /^(?:npm|pnpm|bun|yarn)\s+(?:run(?:-script)?\s+)?([\w:.-]+)$/.exec(trimmed);
  if (packageScript && trimmed !== 'bun test') {
    return {
      path: joinWorkspacePath(cwd, 'package.json'),
      kind: 'package-script',
      name: packageScript[1]!,
    };
  }
  const script = /^(?:(?:bash|sh)\s+)?(\.?\/?[\w./-]+\.(?:sh|bash))$/.exec(trimmed);
  if (script) {
    const path = normalizeWorkspacePath(joinWorkspacePath(cwd, script[1]!));
    if (path.ok) return { path: path.path, kind: 'script-file' };
  }
  return undefined;
}

/** True when the delegated body (package script or script file) only succeeds. */
export function isPlaceholderBody(source: BodySource, text: string): boolean {
  if (source.kind === 'package-script') {
    const body = readPackageScript(text, source.name!);
    return body !== undefined && isPlaceholderCommand(body);
  }
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !/^set\s+[-+]/.test(line));
  return lines.length > 0 && isPlaceholderCommand(lines.join('\n'));
}
