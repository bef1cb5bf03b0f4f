// What the app collects from the outside world, as plain data, for the pure judge to decide on.

import type { Baseline, Decision } from './model.js';
import type { CommandPaths } from './commands/command-paths.js';
import type { CouldNot } from './outcome.js';

/** The outcome of reading one workspace file. Expected failures are data, not exceptions. */
export type FileRead =
  | { kind: 'ok'; path: string; text: string; sha256: string; bytes: number }
  /** `similar`: a file that exists under a differently cased or slightly different name. */
  | { kind: 'missing'; path: string; similar?: string }
  /** Could not be read (a symlink out of the workspace, not a regular file, too big, I/O): the
   * one "could not" shape (outcome.ts CouldNot), with the path. */
  | { kind: 'unavailable'; path: string; reason: string };

/**
 * What git says about the workspace, or why it could not be asked (not a repository, git
 * missing, git failing): then every git fact is unknown, never "absent".
 */
export type GitEvidence = GitFacts | { kind: 'unavailable'; reason: string };

/** The git facts of a workspace git could be asked about. */
export interface GitFacts {
  kind: 'ok';
  shallow: boolean;
  /** A partial clone (`--filter=…`): objects may be missing, so no history fact is trusted. */
  partial?: boolean;
  /**
   * In a shallow clone: the asked-for paths whose last commit found is a boundary commit (its
   * parents were not fetched, so every file looks changed there): their real last change is unknown.
   * Absent in a shallow clone means nobody looked, and every path counts as unknown.
   */
  historyCut?: string[];
  /** The commit checked out, when known. */
  head?: string | null;
  /** Number of tags in the clone; zero usually means tags were not fetched. */
  tagCount: number;
  /** Every tag in the clone and the commit it points at (for "did you mean" on a missing tag). */
  tagCommits?: Record<string, string>;
  /** Commit each asked-for tag resolves to; null when the tag is absent. */
  tags: Record<string, string | null>;
  /** ISO date of the last commit touching each asked-for path; null when never committed. */
  lastCommit: Record<string, string | null>;
  /** ISO committer date of each asked-for tag's commit; null when unknown. */
  tagDates?: Record<string, string | null>;
}

/** A tool looked up on PATH. */
export interface ToolEvidence {
  found: boolean;
  path?: string;
  /** What the version probe printed (stdout, then stderr), bounded. */
  versionOutput?: string;
  /** The probe's exit code; null when it was killed or could not start (see `probeFailure`). */
  versionExitCode?: number | null;
  /** Why the probe did not exit on its own: a signal, a timeout, a start failure. */
  probeFailure?: string;
}

/** Test counts parsed from a command's closing lines. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped?: number;
  runner: string;
  /** What else the closing lines said that a reader should know (e.g. cached `go test` packages). */
  note?: string;
}

/** One verification command's outcome; every outcome has this one shape. */
export interface CommandResult {
  id: string;
  run: string;
  cwd: string;
  state: 'ran' | 'skipped' | 'refused' | 'not-run';
  reason?: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Start, in ms after the first command started (for the Gantt chart). */
  startedMs: number;
  durationMs: number;
  outputTail: string;
  outputBytes: number;
  logPath?: string;
  /** Processes still running when it ended (found by the run's marker), which were killed. */
  leftovers?: { pid: number; command: string }[];
}

/**
 * A lookup through the GitHub API, or why it could not be made: an `Outcome` kept as evidence, so
 * without `cause` (an error object is not data the record can hold).
 */
export type LookupResult<T> = { kind: 'ok'; value: T } | Omit<CouldNot, 'cause'>;

/** Open incidents found by label. */
export interface IncidentLookup {
  open: { number: number; title: string; url: string; labels: string[] }[];
}

/** The consumer repository's check at its pinned ref. */
export interface ConsumerCheckLookup {
  conclusion: string | null;
  status: string;
  url?: string;
}

/** One pull-request review as GitHub reports it (`state` as GitHub spells it, e.g. APPROVED). */
export interface ReviewEvidence {
  id: number;
  login: string;
  state: string;
  /** The commit the review was made on. */
  commitId: string | null;
  submittedAt: string | null;
  url: string;
}

/** One decision on this workflow run's deployment environments (`state`: approved | rejected). */
export interface RunApprovalEvidence {
  login: string;
  state: string;
  environments: string[];
  comment: string;
}

/** What GitHub vouches for about the joint decision (SPEC §10), each part or why it is unknown. */
export interface SignoffEvidence {
  /** The pull request judged (on push: the merged one whose merge commit is HEAD), with its reviews in order. */
  pullRequest: LookupResult<{
    number: number;
    headSha: string;
    url: string;
    reviews: ReviewEvidence[];
  }>;
  /** Approvals of this run's deployment environments. */
  runApprovals: LookupResult<{ runUrl: string | null; approvals: RunApprovalEvidence[] }>;
  /** `@org/team` → member logins. */
  teams: Record<string, LookupResult<string[]>>;
}

/** Where and why the gate runs: repository, commit, event, run link. */
export interface RunContext {
  repository: string | null;
  sha: string | null;
  ref: string | null;
  event: string | null;
  runUrl: string | null;
  /** The Action: the workspace's HEAD, the commit judged (null when git could not say). */
  headSha?: string | null;
  /** The Action: the commit the event is about, where the verdict is published. */
  subjectSha?: string | null;
}

/** A file as the trusted ref has it; `unavailable` when the ref's objects are not in the clone. */
export type TrustedRead =
  | { kind: 'ok'; path: string; text: string; sha256: string; bytes: number }
  | { kind: 'missing'; path: string }
  | { kind: 'unavailable'; path: string; reason: string };

/** Paths that differ between the trusted ref and the tree judged. */
export type ChangedPaths =
  | {
      kind: 'ok';
      /** Workspace-relative. */
      paths: string[];
      /** Repository-root-relative paths outside the workspace (with `working-directory`). */
      outside: string[];
    }
  | { kind: 'unavailable'; reason: string };

/** The trusted ref's policy and what the change touched, for gate.integrity (SPEC §10). */
export interface IntegrityEvidence {
  /** The ref the policy was read from (the PR's base, or --trusted-ref); null when none could be
   * established (`trustedConfig` is then unavailable, saying why). */
  trustedRef: string | null;
  /** The gate config at the trusted ref; when `ok`, it is the policy this run was judged under. */
  trustedConfig: TrustedRead;
  /** The tree's own config text (the policy once merged). */
  headConfig: FileRead;
  changed: ChangedPaths;
}

/** Everything one evaluation needs, gathered once. */
export interface Evidence {
  /** ISO 8601 UTC; the only clock the core sees. */
  now: string;
  decision: Decision;
  /** Handoff modes to evaluate (the configured ones, or the subset asked for). */
  modes: string[];
  /** Baseline values given as CLI/action inputs, each compared with the lock. */
  inputs: Baseline;
  /** Every file read, by workspace-relative path. */
  files: Record<string, FileRead>;
  /** What the commands run (scripts, package.json, directory trees), as found reading `files`. */
  commandPaths: CommandPaths;
  git: GitEvidence;
  tools: Record<string, ToolEvidence>;
  /** Null when commands were deliberately not run (--no-commands, validate). */
  commands: CommandResult[] | null;
  commandsNotRunReason?: string;
  incidents?: LookupResult<IncidentLookup>;
  consumerCheck?: LookupResult<ConsumerCheckLookup>;
  /** Present when a joint decision is configured: reviews, run approvals and teams from GitHub. */
  signoff?: SignoffEvidence;
  /** Present on pull-request runs. */
  integrity?: IntegrityEvidence;
  /** Present when this run is one shard of several; fail-closed totals are left to the aggregation. */
  shard?: { index: number; count: number; commands: string[] };
  context: RunContext;
}
