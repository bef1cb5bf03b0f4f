// The files a verification command runs: the scripts and directories its command line names (and
// every file in their directory tree, where helpers it sources live), and behind `npm run x` the
// package.json and what its script names. They are evidence the run read and, for a pull request,
// protected paths (SPEC §10).

import { joinWorkspacePath, normalizeWorkspacePath, workspaceDirname } from '../workspace-path.js';
import type { CommandConfig } from '../config/config-types.js';
import { readPackageScript } from './package-scripts.js';
import { findScriptReferences } from './script-refs.js';

/** Files read whole, and directories whose every file counts. Workspace-relative. */
export interface CommandPaths {
  files: string[];
  directories: string[];
}

/** A token that names a file or directory: has a '/' or a script extension, and no shell syntax. */
const PATH_TOKEN = /^(?:\.\/)?[\w@.+-]+(?:\/[\w@.+-]*)*$/;
const SCRIPT_FILE = /\.(?:sh|bash|zsh|mjs|cjs|js|ts|py|rb|pl|ps1)$/;

/** Paths named by one command line run in `cwd`. */
function pathsInLine(run: string, cwd: string, into: CommandPaths): void {
  for (const token of run.split(/[\s;&|()<>'"`]+/)) {
    if (!PATH_TOKEN.test(token) || token.startsWith('-')) continue;
    const isScript = SCRIPT_FILE.test(token);
    if (!isScript && !token.includes('/')) continue;
    const normalized = normalizeWorkspacePath(joinWorkspacePath(cwd, token));
    if (!normalized.ok || normalized.path === '.') continue;
    if (isScript) {
      into.files.push(normalized.path);
      // A script at the workspace root would make the whole tree its directory: the file only.
      const directory = workspaceDirname(normalized.path);
      if (directory !== '.') into.directories.push(directory);
    } else into.directories.push(normalized.path);
  }
}

/**
 * Paths named by one command line read as shell words: what the tokens above miss, a script run
 * after a `cd` (`cd tools && ./check.sh` runs tools/check.sh) or named from `$PWD`.
 */
function scriptsInLine(run: string, cwd: string, into: CommandPaths): void {
  for (const ref of findScriptReferences(run, cwd)) {
    into.files.push(ref.path);
    const directory = workspaceDirname(ref.path);
    if (ref.script === undefined && directory !== '.') into.directories.push(directory);
  }
}

/** Every path the configured commands run, deduplicated and sorted. */
export function listCommandPaths(
  commands: readonly CommandConfig[],
  readText: (path: string) => string | undefined,
): CommandPaths {
  const found: CommandPaths = { files: [], directories: [] };
  const inLine = (line: string, cwd: string) => {
    pathsInLine(line, cwd, found);
    scriptsInLine(line, cwd, found);
  };
  for (const command of commands) {
    inLine(command.run, command.cwd);
    const source = command.body;
    if (source?.kind === 'package-script') {
      found.files.push(source.path);
      const body = readScript(readText(source.path), source.name!);
      if (body) inLine(body, workspaceDirname(source.path));
    } else if (source) found.files.push(source.path);
  }
  const unique = (list: string[]) => [...new Set(list)].sort();
  return { files: unique(found.files), directories: unique(found.directories) };
}

function readScript(text: string | undefined, name: string): string | undefined {
  return text === undefined ? undefined : readPackageScript(text, name);
}
