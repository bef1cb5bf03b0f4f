// The one environment builder for every process the gate spawns: verification commands, tool
// probes and git. The runner's channels (GITHUB_OUTPUT, GITHUB_ENV, …), the Action's inputs (the
// token among them) and anything shaped like a credential never reach a child unless a command
// lists the variable in `pass_env`; probes and git get a minimal environment only.

import { TOKEN_PATTERNS } from '../core/redact.js';

/** Variables through which a step talks to the runner: a child writing them would speak for us. */
const RUNNER_CHANNELS = new Set([
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
]);
const WITHHELD_PREFIXES = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_', 'STATE_'];
/** Names that say "credential"; SSH_AUTH_SOCK counts (it lends the agent's keys). */
const CREDENTIAL_NAME =
  /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|CREDENTIAL|COOKIE|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|(^|_)KEYS?(_|$)|(^|_)AUTH(_|$)|(^|_)PAT(_|$)/;
/** What a tool probe or git needs to find programs, config and a locale; nothing else. */
const MINIMAL_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TZ',
  'LANG',
  'LANGUAGE',
  'SYSTEMROOT',
  'PATHEXT',
  'COMSPEC',
  'XDG_CONFIG_HOME',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CEILING_DIRECTORIES',
]);
const TOKEN_SHAPES = TOKEN_PATTERNS.map((pattern) => new RegExp(pattern.source));

/** True when a variable must not be inherited by any child unless asked for by name. */
export function isWithheldVariable(name: string, value: string | undefined): boolean {
  const upper = name.toUpperCase();
  return (
    RUNNER_CHANNELS.has(upper) ||
    WITHHELD_PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
    CREDENTIAL_NAME.test(upper) ||
    (value !== undefined && TOKEN_SHAPES.some((shape) => shape.test(value)))
  );
}

/** What a child is and what it may receive. */
export type ChildEnvRequest =
  | {
      kind: 'command';
      /** Names the command asked for explicitly; they pass even when withheld. */
      passEnv: readonly string[];
      /** Further inherited names to withhold (the config's secret_env). */
      withheld: readonly string[];
      /** The command's own `env:` entries, set last. */
      set: Readonly<Record<string, string>>;
    }
  | { kind: 'probe' | 'git'; set?: Readonly<Record<string, string>> };

/** The environment for one child, built from the gate's own `source` environment. */
export function buildChildEnv(
  source: Readonly<Record<string, string | undefined>>,
  request: ChildEnvRequest,
): Record<string, string> {
  const env: Record<string, string> = {};
  const extraWithheld = new Set(request.kind === 'command' ? request.withheld : []);
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const keep =
      request.kind === 'command'
        ? !extraWithheld.has(name) && !isWithheldVariable(name, value)
        : (MINIMAL_NAMES.has(name) || name.startsWith('LC_')) && !isWithheldVariable(name, value);
    if (keep) env[name] = value;
  }
  if (request.kind === 'command') {
    for (const name of request.passEnv) {
      const value = source[name];
      if (value !== undefined) env[name] = value;
    }
  }
  return { ...env, ...request.set };
}
