// Reads a step's log the way the GitHub Actions runner does (actions/runner ActionCommandManager):
// lines split at \r, \n or \r\n; leading whitespace trimmed; `::name k=v,k=v::data` (and the old
// `##[name k=v;]data` form) parsed when `name` is a registered command; `::stop-commands::TOKEN`
// turns every command off until a line `::TOKEN::`. What it reports is what the runner would do.

/** Commands the runner knows; anything else on a `::` line is plain text. */
const REGISTERED = new Set([
  'set-output',
  'set-env',
  'add-path',
  'add-mask',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'stop-commands',
  'echo',
  'save-state',
  'add-matcher',
  'remove-matcher',
]);

/** One workflow command the runner would have executed. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** The raw log line. */
  line: string;
}

/** What the runner did with a log. */
export interface RunnerView {
  /** Every command executed, in order (stop/resume included). */
  commands: WorkflowCommand[];
  /** `set-output` commands, by name. */
  outputs: Record<string, string>;
  masks: string[];
  /** `error`, `warning` and `notice` annotations. */
  annotations: WorkflowCommand[];
  /** True when the log ended with commands still stopped. */
  stoppedAtEnd: boolean;
}

const unescapeData = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) =>
  unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

function parseV2(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)), line };
}

function parseV1(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('##[')) return undefined;
  const close = message.indexOf(']');
  if (close < 0) return undefined;
  const info = message.slice(3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
    }
  }
  return { command, properties, data: message.slice(close + 1), line };
}

/** Replays a step's combined stdout/stderr through the runner's command processing. */
export function readAsRunner(log: string): RunnerView {
  const registered = new Set(REGISTERED);
  const commands: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of log.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const parsed = parseV2(line, registered) ?? parseV1(line, registered);
    if (!parsed) continue;
    if (stopToken !== undefined) {
      if (parsed.command === stopToken) {
        registered.delete(stopToken);
        stopToken = undefined;
        commands.push(parsed);
      }
      continue;
    }
    if (parsed.command === 'stop-commands') {
      stopToken = parsed.data;
      registered.add(stopToken);
    }
    commands.push(parsed);
  }
  const outputs: Record<string, string> = {};
  for (const c of commands)
    if (c.command === 'set-output' && c.properties.name) outputs[c.properties.name] = c.data;
  return {
    commands,
    outputs,
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.data),
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    stoppedAtEnd: stopToken !== undefined,
  };
}
