// The only doors between the app and the outside world. Adapters implement them; tests fake them.

import type {
  CommandConfig,
  ConsumerConfig,
  IncidentsConfig,
  ToolConfig,
} from '../core/config/config-types.js';
import type { HeadFacts } from '../core/github/judged-commit.js';
import type {
  CommandResult,
  ConsumerCheckLookup,
  FileRead,
  GitEvidence,
  ChangedPaths,
  TrustedRead,
  IncidentLookup,
  LookupResult,
  SignoffEvidence,
  ToolEvidence,
} from '../core/evidence.js';
import type { Outcome } from '../core/outcome.js';
import type { Redactor } from '../core/redact.js';

/** Reads workspace files; never follows a path out of the workspace. */
export interface WorkspacePort {
  /** Absolute root, for messages only. */
  readonly root: string;
  readFile(path: string, maxBytes: number): Promise<FileRead>;
  /**
   * Regular files (and symlinks) under a workspace directory, workspace-relative, in path order;
   * at most `limit`. `.git` and `node_modules` are skipped, symlinked directories not followed.
   * An absent directory lists nothing; what could not be listed (a subdirectory unreadable, files
   * past `limit`) is named in `leftOut` with why (a noun phrase each), never dropped silently.
   */
  listFiles?(directory: string, limit: number): Promise<FileListing>;
}

/** A directory tree's files, and what the listing left out (empty when nothing). */
export interface FileListing {
  files: string[];
  leftOut: string[];
}

/** Asks git about tags and file history. */
export interface GitPort {
  inspect(request: { tags: string[]; paths: string[] }): Promise<GitEvidence>;
  /**
   * A workspace-relative file as it is at `ref` (resolved from the workspace directory, not the
   * repository root); `missing` when the ref lacks it, `unavailable` when the ref is not here.
   */
  readFileAt(ref: string, path: string): Promise<TrustedRead>;
  /** Tracked files modified in the work tree (workspace-relative), or why git cannot say. */
  modifiedFiles(): Promise<Outcome<string[]>>;
  /** Paths changed between `ref` and the work tree, in one git call. */
  changedPaths(ref: string): Promise<ChangedPaths>;
  /**
   * HEAD's sha and parents (`git cat-file -p HEAD`, readable in a shallow clone), or why git
   * cannot say (not a repository, git missing). Optional: ports without it cannot say.
   */
  headCommit?(): Promise<HeadCommit>;
}

/** The workspace's HEAD commit as git reports it, or why git cannot say (never a guess). */
export type HeadCommit = Outcome<HeadFacts>;

/** Finds tools on PATH and reads their versions. */
export interface ToolsPort {
  lookup(tools: ToolConfig[]): Promise<Record<string, ToolEvidence>>;
}

/** Live progress of commands, for logs and status lines. Output arrives redacted, in whole lines. */
export interface CommandEvents {
  /** Before anything starts: what will run, and how many at once. */
  onRunStart?(commands: CommandConfig[], concurrency: number): void;
  onStart?(command: CommandConfig): void;
  onOutput?(command: CommandConfig, text: string): void;
  /**
   * True while the sink cannot keep up (what it was given is still queued in memory): output is
   * then counted instead of passed to onOutput, and a notice line says how much was left out.
   */
  isBackedUp?(): boolean;
  onEnd?(command: CommandConfig, result: CommandResult): void;
}

/** How to run a set of commands. */
export interface RunCommandsOptions {
  /** Commands at once; undefined: the machine's CPU count (SPEC §6), which the runner knows. */
  concurrency?: number;
  /** Directory for `<id>.log`, relative to the evidence directory. */
  logDir: string;
  /** Commands refused before they start (rehearsal safety), with the reason. */
  refusals: Record<string, string>;
  /** Masks secrets in everything the runner writes or reports. */
  redact: Redactor;
  /** Inherited variables removed from every command unless it lists them in `pass_env`. */
  withheldEnv: readonly string[];
  /** Limit for the whole run. */
  runTimeoutMs?: number;
  events?: CommandEvents;
  /** Aborting (Ctrl-C, SIGTERM) stops every command; the rest are skipped. */
  signal?: AbortSignal;
}

/** Runs verification commands; a failed command is a result, never an exception. */
export interface CommandRunnerPort {
  run(commands: CommandConfig[], options: RunCommandsOptions): Promise<CommandResult[]>;
}

/** GitHub API lookups; `unavailable` with a reason when there is no token or no access. */
export interface LookupsPort {
  incidents(config: IncidentsConfig): Promise<LookupResult<IncidentLookup>>;
  consumerCheck(config: ConsumerConfig): Promise<LookupResult<ConsumerCheckLookup>>;
  /**
   * What GitHub vouches for about the joint decision: the reviews of the pull request judged and
   * this run's environment approvals (when `github`), and the members of each `@org/team`.
   */
  signoff(request: { github: boolean; teams: string[] }): Promise<SignoffEvidence>;
  /**
   * A workspace-relative policy file as it is at commit `sha`, read through the API when git
   * does not have the trusted ref's objects (a shallow clone). Never a fallback to the tree:
   * `unavailable` with the reason when it cannot be read (offline, no access, a directory, too big).
   */
  policyFileAt?(sha: string, path: string): Promise<TrustedRead>;
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
  /** The environment the gate runs in (for secret values to redact). */
  environment: Readonly<Record<string, string | undefined>>;
  /** The clock, injected so the core never reads it. */
  now(): Date;
}
