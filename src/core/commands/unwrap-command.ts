// Finds the program a simple command really runs: past `NAME=value` prefixes, shell keywords and
// wrappers (`sudo`, `env`, `exec`, `command`, `nohup`, `time`, `nice`, `timeout`, `xargs`, `npx`,
// `npm exec`, `bundle exec`, `poetry run`, `doppler run --`, …), and into `bash -c '…'` or
// `eval …`, whose argument is a command line of its own.

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh']);

/** Wrappers: their options that take a value; the program follows the options. */
const WRAPPERS: Record<string, string[]> = {
  sudo: [
    '-u',
    '-g',
    '-C',
    '-D',
    '-h',
    '-p',
    '-r',
    '-t',
    '-U',
    '-T',
    '--user',
    '--group',
    '--chdir',
  ],
  doas: ['-u', '-C'],
  env: ['-u', '--unset', '-C', '--chdir'],
  exec: ['-a'],
  command: [],
  builtin: [],
  nohup: [],
  setsid: [],
  time: ['-f', '-o', '--format', '--output'],
  nice: ['-n', '--adjustment'],
  ionice: ['-c', '-n', '-p', '--class', '--classdata'],
  stdbuf: ['-i', '-o', '-e'],
  xargs: ['-I', '-n', '-P', '-d', '-L', '-s', '-a', '-E', '-e', '--max-args', '--max-procs'],
  npx: ['-p', '--package', '-c', '--call'],
  pnpx: ['-p', '--package'],
  bunx: ['-p', '--package'],
  chronic: [],
  unbuffer: [],
  caffeinate: [],
  strace: ['-o', '-e', '-p', '-s'],
};
/** `<tool> <verb> program…` wrappers. */
const RUNNERS: Record<string, string[]> = {
  npm: ['exec', 'x'],
  pnpm: ['exec', 'dlx'],
  yarn: ['exec', 'dlx'],
  bundle: ['exec'],
  poetry: ['run'],
  pipenv: ['run'],
  uv: ['run'],
  pdm: ['run'],
  hatch: ['run'],
  rye: ['run'],
  conda: ['run'],
};
/** Wrappers whose program comes after `--`. */
const DASHDASH = new Set([
  'doppler',
  'op',
  'aws-vault',
  'dotenv',
  'infisical',
  'chamber',
  'direnv',
]);

/** Wrapper options that run the program in another directory (`env -C dir`, `sudo -D dir`). */
const CHDIR_OPTIONS: Record<string, string[]> = { env: ['-C', '--chdir'], sudo: ['-D', '--chdir'] };

/**
 * The program (a basename) and its arguments, or a nested command line to read instead. `chdir`:
 * the directory a wrapper runs it in, as written (relative to where the line runs).
 */
export type Unwrapped =
  | { kind: 'program'; program: string; path: string; args: string[]; chdir?: string }
  | { kind: 'line'; line: string };

/** What `words` runs; undefined for a bare assignment or keyword. */
export function unwrapCommand(input: readonly string[]): Unwrapped | undefined {
  let words = [...input];
  let chdir: string | undefined;
  for (let guard = 0; guard < 32 && words.length > 0; guard++) {
    const first = words[0]!;
    if (KEYWORDS.has(first) || ASSIGNMENT.test(first)) {
      words = words.slice(1);
      continue;
    }
    const name = basename(first);
    if (name === 'eval') return { kind: 'line', line: words.slice(1).join(' ') };
    if (name === 'env') {
      // `env -S 'kubectl apply'` splits its argument into the command's words.
      const split = words.findIndex((w, i) => i > 0 && /^(-S|--split-string)$/.test(w));
      if (split !== -1) return { kind: 'line', line: words.slice(split + 1).join(' ') };
    }
    if (Object.hasOwn(WRAPPERS, name)) {
      if (Object.hasOwn(CHDIR_OPTIONS, name))
        chdir = optionValue(words.slice(1), WRAPPERS[name]!, CHDIR_OPTIONS[name]!) ?? chdir;
      words = skipOptions(words.slice(1), WRAPPERS[name]!);
      continue;
    }
    if (name === 'timeout') {
      words = skipOptions(words.slice(1), ['-s', '-k', '--signal', '--kill-after']).slice(1);
      continue;
    }
    if (Object.hasOwn(RUNNERS, name) && RUNNERS[name]!.includes(words[1] ?? '')) {
      words = skipOptions(words.slice(2), ['-p', '--package', '-c', '--call', '--with']);
      continue;
    }
    if (DASHDASH.has(name) && words.includes('--')) {
      words = words.slice(words.indexOf('--') + 1);
      continue;
    }
    if (SHELLS.has(name)) {
      const inner = findInlineScript(words.slice(1));
      if (inner !== undefined) return { kind: 'line', line: inner };
    }
    return {
      kind: 'program',
      program: name,
      path: first,
      args: words.slice(1),
      ...(chdir !== undefined ? { chdir } : {}),
    };
  }
  return undefined;
}

/** For `bash [-opts] -c 'line'` (also `-ec`, `-lc`): the line. */
function findInlineScript(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '+o' || arg === '-O' || arg === '+O') i++;
    else if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg)) return args[i + 1];
    else if (!arg.startsWith('-') && !arg.startsWith('+')) return undefined;
  }
  return undefined;
}

/** The value of the last of `names` among the leading options (`-C dir`, `--chdir=dir`). */
function optionValue(
  words: readonly string[],
  valued: readonly string[],
  names: readonly string[],
): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--' || !word.startsWith('-') || word === '-') break;
    const [option, inline] = word.includes('=') ? word.split(/=(.*)/s) : [word, undefined];
    if (names.includes(option!)) value = inline ?? words[i + 1];
    if (inline === undefined && valued.includes(word)) i++;
  }
  return value;
}

/** The words after leading options (and the values of `valued` ones); `--` ends options. */
export function skipOptions(words: readonly string[], valued: readonly string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (word === '--') return words.slice(i + 1);
    if (!word.startsWith('-') || word === '-') break;
    i += !word.includes('=') && valued.includes(word) ? 2 : 1;
  }
  return words.slice(i);
}

/** The last path segment, so `/usr/local/bin/kubectl` and `kubectl` are one program. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
