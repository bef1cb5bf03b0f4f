// The files a command line hands its work to: a script it runs (`./scripts/deploy.sh`,
// `bash deploy/x.sh`, `source env.sh`) or a package.json script (`npm run deploy`, `pnpm deploy`,
// `yarn test`, with its pre/post scripts). Their bodies are what really runs, so mutation checks
// read them too.

import { joinWorkspacePath, normalizeWorkspacePath } from '../workspace-path.js';
import { splitCommandLine } from './shell-words.js';
import { skipOptions, unwrapCommand } from './unwrap-command.js';
import { readPackageScript } from './package-scripts.js';

/** A file whose text (or one of whose package scripts) a command runs. */
export interface ScriptRef {
  /** Workspace-relative path of the script file or package.json. */
  path: string;
  /** Directory the command runs in (nested references resolve against it). */
  cwd: string;
  /** For package.json: the script name. */
  script?: string;
  /**
   * The shell reads this file as the commands to run (`bash x`, `source x`, a `.sh`/`.bash` file,
   * a package.json script): unreadable, it hides what runs. A program run by its path
   * (`.venv/bin/python`, `./bin/tool`) may be a binary or a symlink out of the workspace.
   */
  shellText: boolean;
}

/** A ref's key in a walk: the same file run from another directory resolves its own references. */
export function scriptRefKey(ref: ScriptRef): string {
  return `${ref.path}#${ref.script ?? ''}@${ref.cwd}`;
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'source', '.']);
/** A file named as shell commands. */
const SHELL_FILE = /\.(sh|bash)$/;
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** npm commands that run the script of the same name. */
const NPM_LIFECYCLE: Record<string, string> = {
  test: 'test',
  t: 'test',
  start: 'start',
  stop: 'stop',
  restart: 'restart',
};
const PM_DIRECTORY_OPTIONS = ['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace'];
/** Built-in commands of package managers that are never scripts. */
const PM_BUILTINS = new Set([
  'install',
  'i',
  'ci',
  'add',
  'remove',
  'update',
  'audit',
  'ls',
  'list',
  'why',
  'info',
  'view',
  'pack',
  'init',
  'create',
  'link',
  'config',
  'exec',
  'dlx',
  'x',
  'outdated',
  'prune',
  'rebuild',
  'dedupe',
  'help',
  'version',
  'publish',
  'install-test',
  'test-only',
]);

/**
 * Every script file and package script that `line`, run in `cwd`, hands work to. A `cd` (or
 * `pushd`) earlier in the line moves the commands after it, unless it ran in a subshell or a
 * pipeline: the commands after it are followed from both directories, so neither hides a script
 * (fail closed); so is a program a wrapper runs elsewhere (`env -C dir`, `sudo -D dir`).
 */
export function findScriptReferences(line: string, cwd: string): ScriptRef[] {
  const refs: ScriptRef[] = [];
  const dirs = [cwd];
  for (const words of splitCommandLine(line)) {
    const unwrapped = unwrapCommand(words);
    if (!unwrapped) continue;
    if (unwrapped.kind === 'line') {
      for (const dir of dirs) refs.push(...findScriptReferences(unwrapped.line, dir));
    } else if (unwrapped.program === 'cd' || unwrapped.program === 'pushd') {
      const target = changedDirectory(dirs.at(-1)!, unwrapped.args);
      if (target !== undefined && !dirs.includes(target)) dirs.push(target);
    } else
      for (const dir of dirs) {
        refs.push(...programReferences(unwrapped, dir));
        // `env -C tools ./x.sh`: also where the wrapper runs it (both, fail closed).
        const moved =
          unwrapped.chdir === undefined ? undefined : changedDirectory(dir, [unwrapped.chdir]);
        if (moved !== undefined && moved !== dir) refs.push(...programReferences(unwrapped, moved));
      }
  }
  return refs;
}

/** `$PWD/x` and `${PWD}/x` are `./x`: the one variable whose value a command line implies. */
function withoutPwd(word: string): string {
  return word.replace(/^(?:\$PWD|\$\{PWD\})(?=\/|$)/, '.');
}

/** Where `cd args` goes from `from`, as a workspace path; undefined when it cannot be told. */
function changedDirectory(from: string, args: string[]): string | undefined {
  const given = skipOptions(args, [])[0];
  const target = given === undefined ? undefined : withoutPwd(given);
  // `-` (the previous directory), `+N` (pushd's stack), `$VAR` and `~`: not known here.
  if (!target || target === '-' || /^[$~+]/.test(target)) return undefined;
  const normalized = normalizeWorkspacePath(joinWorkspacePath(from, target));
  return normalized.ok ? normalized.path : undefined;
}

/** The scripts one program hands work to, run in `cwd`. */
function programReferences(
  { program, path, args }: { program: string; path: string; args: string[] },
  cwd: string,
): ScriptRef[] {
  const refs: ScriptRef[] = [];
  const file = (relative: string, shellText: boolean) => {
    const normalized = normalizeWorkspacePath(joinWorkspacePath(cwd, withoutPwd(relative)));
    if (normalized.ok) refs.push({ path: normalized.path, cwd, shellText });
  };
  // A shell first, however it is named (`/bin/bash x.sh` is bash running x.sh, not a script).
  if (SHELLS.has(program)) {
    // A shell in the workspace (`./bin/bash`) is a program of its own too; a system one is dropped.
    if (path.includes('/')) file(path, false);
    const script = skipOptions(args, ['-o', '+o', '-O', '+O'])[0];
    if (script && !withoutPwd(script).startsWith('$')) file(script, true);
  } else if (path.includes('/') || SHELL_FILE.test(path)) file(path, SHELL_FILE.test(path));
  else if (PACKAGE_MANAGERS.has(program)) {
    const ref = findPackageScript(program, args, cwd);
    if (ref) refs.push(ref);
  }
  return refs;
}

function findPackageScript(program: string, args: string[], cwd: string): ScriptRef | undefined {
  let directory = cwd;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (PM_DIRECTORY_OPTIONS.includes(arg) && args[i + 1]) {
      const dir = normalizeWorkspacePath(joinWorkspacePath(cwd, args[++i]!));
      if (dir.ok) directory = dir.path;
    } else if (!arg.startsWith('-')) rest.push(arg);
  }
  const [first, second] = rest;
  if (!first) return undefined;
  let script: string | undefined;
  if ((first === 'run' || first === 'run-script') && second) script = second;
  else if (program === 'npm' && Object.hasOwn(NPM_LIFECYCLE, first)) script = NPM_LIFECYCLE[first];
  else if (program !== 'npm' && !(program === 'bun' && first === 'test') && !PM_BUILTINS.has(first))
    script = first;
  return script
    ? {
        path: joinWorkspacePath(directory, 'package.json'),
        cwd: directory,
        script,
        shellText: true,
      }
    : undefined;
}

/** The text that runs for `ref` given the file's text: the script, or pre + script + post. */
export function readScriptBody(ref: ScriptRef, text: string): string | undefined {
  if (ref.script === undefined) return text;
  const bodies = [`pre${ref.script}`, ref.script, `post${ref.script}`]
    .map((name) => readPackageScript(text, name))
    .filter((body): body is string => body !== undefined);
  return bodies.length > 0 ? bodies.join('\n') : undefined;
}
