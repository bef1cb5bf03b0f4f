// The only doors between the app and the outside world. Adapters implement them; tests fake them.

import type {
  CommandConfig,
  ConsumerConfig,
  IncidentsConfig,
  ToolConfig,
} from '../core/config/config-types.js';
import type {
  CommandResult,
  ConsumerCheckLookup,
  FileRead,
  GitEvidence,
  IncidentLookup,
  LookupResult,
  ToolEvidence,
} from '../core/evidence.js';
import type { Decision } from '../core/model.js';

/** Reads workspace files; never follows a path out of the workspace. */
export interface WorkspacePort {
  /** Absolute root, for messages only. */
  readonly root: string;
  readFile(path: string, maxBytes: number): Promise<FileRead>;
}

/** Asks git about tags and file history. */
export interface GitPort {
  inspect(request: { tags: string[]; paths: string[] }): Promise<GitEvidence>;
}

/** Finds tools on PATH and reads their versions. */
export interface ToolsPort {
  lookup(tools: ToolConfig[]): Promise<Record<string, ToolEvidence>>;
}

/** Live progress of commands, for logs and status lines. */
export interface CommandEvents {
  onStart?(command: CommandConfig): void;
  onOutput?(command: CommandConfig, chunk: string): void;
  onEnd?(command: CommandConfig, result: CommandResult): void;
}

/** Runs verification commands; a failed command is a result, never an exception. */
export interface CommandRunnerPort {
  run(
    commands: CommandConfig[],
    options: {
      decision: Decision;
      concurrency: number;
      logDir: string;
      events?: CommandEvents;
      signal?: AbortSignal;
    },
  ): Promise<CommandResult[]>;
}

/** GitHub API lookups; `unavailable` with a reason when there is no token or no access. */
export interface LookupsPort {
  incidents(config: IncidentsConfig): Promise<LookupResult<IncidentLookup>>;
  consumerCheck(config: ConsumerConfig): Promise<LookupResult<ConsumerCheckLookup>>;
}

/** Writes the evidence directory. */
export interface OutputPort {
  writeFile(path: string, text: string): Promise<string>;
}

/** Progress and warnings for people watching. */
export interface LoggerPort {
  info(message: string): void;
  warn(message: string): void;
}

/** Everything the pipeline needs from outside. */
export interface Ports {
  workspace: WorkspacePort;
  git: GitPort;
  tools: ToolsPort;
  runner: CommandRunnerPort;
  lookups: LookupsPort;
  output: OutputPort;
  logger: LoggerPort;
  /** The clock, injected so the core never reads it. */
  now(): Date;
}
