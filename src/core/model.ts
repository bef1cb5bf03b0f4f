// The vocabulary shared by every layer: decisions, statuses, checks and their places in files.

/** The two decisions one evidence run answers. */
export const DECISIONS = ['rehearsal', 'cutover'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The state of one decision. */
export type DecisionState = 'GO' | 'NO-GO' | 'CONDITIONAL';

/** Every status a check can end in (SPEC §2). `error` counts as `fail`. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'pending' | 'waived' | 'skipped' | 'error';

/** The five values of the baseline lock, in the order people read them. */
export const BASELINE_FIELDS = [
  'release_tag',
  'commit_sha',
  'service_contract_version',
  'api_contract_version',
  'integration_baseline',
] as const;
export type BaselineField = (typeof BASELINE_FIELDS)[number];
export type Baseline = Partial<Record<BaselineField, string>>;

/** A place in a file, 1-based, for messages and annotations. */
export interface SourceLocation {
  /** Workspace-relative path. */
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the file, when the place is a value. */
  pointer?: string;
}

/** One thing a check found, with where it is when that is known. */
export interface Finding {
  message: string;
  location?: SourceLocation;
}

/** The family a check belongs to; drives default `blocks` and `abort`. */
export type CheckKind =
  | 'gate'
  | 'artifact'
  | 'baseline'
  | 'git'
  | 'handoff'
  | 'semver'
  | 'rule'
  | 'document'
  | 'changelog'
  | 'tool'
  | 'command'
  | 'joint-decision'
  | 'consumer'
  | 'incidents';

/** What an evaluator says about one check, before policy (blocks, abort, waivers) is applied. */
export interface CheckOutcome {
  id: string;
  kind: CheckKind;
  status: CheckStatus;
  /** One line a release manager reads first. */
  summary: string;
  /** Further lines: each drift, each missing item. */
  details?: string[];
  findings?: Finding[];
  /** What would have made it pass, and what was seen instead (for "what flips this to GO"). */
  expected?: unknown;
  observed?: unknown;
  /** Decisions this check applies to when it is not both (e.g. joint-decision.cutover). */
  only?: Decision[];
}

/** A check after policy: the shape kept in the decision record. */
export interface CheckResult {
  id: string;
  kind: CheckKind;
  status: CheckStatus;
  blocks: Decision[];
  abort: boolean;
  summary: string;
  details: string[];
  findings: Finding[];
  expected?: unknown;
  observed?: unknown;
  waiver?: { reason: string; owner: string; expires: string; expired: boolean };
}

/** Is this status a failure for decision purposes? */
export function isFailing(status: CheckStatus): boolean {
  return status === 'fail' || status === 'error';
}

/** Formats a location as `file:line:column` (the shape editors and GitHub link). */
export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
