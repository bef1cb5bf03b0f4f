// The command line the test shell (shell-launcher.ts) runs for one process: a subshell that
// enters the directory, exports exactly the environment given and execs the file with its
// arguments, each word quoted so that the shell reads it back verbatim.
import { accessSync, constants, statSync } from 'node:fs';

/** A word the shell reads back verbatim (single quotes; a quote is closed, escaped, reopened). */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A variable name `export` takes. */
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Whether the shell would start `file args` in `cwd` with `env` exactly as Node's spawn does: an
 * executable file, an existing directory (else spawn reports ENOENT, where the shell would print
 * its own error), variable names `export` takes (not OPTIND, which dash's `export` refuses a value
 * that is not a number for), and no NUL byte anywhere (Node refuses one with
 * ERR_INVALID_ARG_VALUE; dash would drop it and run another command).
 */
export function runsAlike(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): boolean {
  const words = [file, cwd, ...args, ...Object.entries(env).flat()];
  if (words.some((word) => word?.includes('\0'))) return false;
  try {
    accessSync(file, constants.X_OK);
    if (!statSync(cwd).isDirectory()) return false;
  } catch {
    return false;
  }
  return Object.keys(env).every((name) => SHELL_NAME.test(name) && name !== 'OPTIND');
}

/**
 * `( cd … && export … && exec file args ) <>stdin >stdout 2>stderr` for a shell started with an
 * empty environment: stdin opened for reading and writing (a FIFO so opened never ends), the
 * directory entered as chdir does (`cd -P`: `dir/link/..` is the link target's parent).
 */
export function subshell(
  file: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  redirect: { stdin: string; stdout: string; stderr: string },
): string {
  const exports = Object.entries(options.env)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `export ${name}=${shellQuote(value!)} && `)
    .join('');
  // cd sets PWD and OLDPWD and exports them; a spawned process gets neither unless given.
  return (
    `( cd -P -- ${shellQuote(options.cwd)} && unset PWD OLDPWD && ${exports}` +
    `exec ${[file, ...args].map(shellQuote).join(' ')} ) <>${shellQuote(redirect.stdin)} ` +
    `>${shellQuote(redirect.stdout)} 2>${shellQuote(redirect.stderr)}`
  );
}
