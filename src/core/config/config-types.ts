// The gate's configuration after validation and defaults: what every other part of the engine reads.

import type { BodySource } from '../commands/command-body.js';
import type { Baseline, Decision, DecisionState, SourceLocation } from '../model.js';

/** An artifact the gate parses, validates and compares. */
export interface ArtifactConfig {
  id: string;
  path: string;
  format?: 'json' | 'yaml';
  /** `builtin:<name>` or a workspace path to a JSON Schema. */
  schema?: string;
}

/** The built-in producer handoff checks. */
export interface HandoffConfig {
  manifest: string;
  payload: string;
  modes: string[];
  requireTag: boolean;
}

export type RuleType = 'equal' | 'same-set' | 'subset' | 'semver' | 'pattern' | 'schema';

/** A reference into an artifact: `artifact#/pointer`. */
export interface ArtifactRef {
  artifact: string;
  pointer: string;
}

/** A cross-artifact rule. */
export interface RuleConfig {
  id: string;
  type: RuleType;
  left: ArtifactRef;
  right?: ArtifactRef;
  value?: unknown;
  hasValue: boolean;
  /** Source text of numbers in `value` a double cannot hold, by pointer relative to `value`. */
  valueNumbers?: ReadonlyMap<string, string>;
  operator?: 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
  pattern?: string;
  schema?: string;
  description?: string;
}

/** A document that must exist and say what it must. */
export interface DocumentConfig {
  id: string;
  path: string;
  contains: string[];
  headings: string[];
  maxAgeDays?: number;
  checklistComplete: boolean;
}

/** A tool that must be on PATH. */
export interface ToolConfig {
  name: string;
  minVersion?: string;
  versionArgs: string[];
  /** Compare a prerelease as its release (20.0.0-rc.1 as 20.0.0); default false. */
  allowPrerelease?: boolean;
  /** Run the version probe (`min_version` or `version_args` given): a non-zero exit is unusable. */
  probe?: boolean;
}

export type PlaceholderPolicy = 'fail' | 'warn';

/** A verification command. */
export interface CommandConfig {
  id: string;
  run: string;
  cwd: string;
  env: Record<string, string>;
  secretEnv: string[];
  timeoutMs: number;
  needs: string[];
  reportsTests: boolean;
  mutates: boolean;
  placeholder: PlaceholderPolicy;
  /** `bash` (default), `sh`, or another program run as `<shell> -c <run>`. */
  shell?: string;
  /** Credential/secret variable names this command asks for explicitly. */
  passEnv: string[];
  /**
   * Where its real body is when `run` delegates (`npm run x`: the package.json script; `./x.sh`:
   * the script file), derived once from `run` and `cwd` when the config is read; undefined when
   * `run` is the body itself.
   */
  body: BodySource | undefined;
}

/** Settings shared by all commands. */
export interface CommandSettings {
  concurrency?: number;
  /** Limit for the whole run, in ms. */
  runTimeoutMs?: number;
  /** Extra mutation patterns (regular expressions). */
  mutationPatterns: string[];
  /** Inherited variables that are secret. */
  secretEnv: string[];
}

/** Per-check policy, keyed by an id or a prefix ending in `*`. */
export interface CheckPolicy {
  pattern: string;
  blocks?: Decision[];
  abort?: boolean;
}

/** A waiver of one failing check, until a date. */
export interface WaiverConfig {
  check: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD, inclusive. */
  expires: string;
}

/** How a decision's signatures are verified (SPEC §10). */
export type SignatureSource = 'file' | 'github';

/** The joint decision record and what signatures it needs. */
export interface JointDecisionConfig {
  path: string;
  /** The roles that must sign, from the config only (never from the record's keys). */
  roles: string[];
  /** Role → who may sign it: logins and `@org/team` entries, as written. Empty map: nobody. */
  signers: Map<string, string[]>;
  /** Per decision: the record's `signed_by` (`file`) or GitHub reviews and run approvals. */
  verify: Record<Decision, SignatureSource>;
  /** Only approvals of this deployment environment count as run approvals. */
  environment?: string;
  /** The state when nobody signed a decision. */
  unsigned: Record<Decision, 'fail' | 'pending'>;
}

/** The consumer side's evidence. */
export interface ConsumerConfig {
  repository?: string;
  ref?: string;
  checkName?: string;
  record?: string;
}

/** Incidents: open issues carrying these labels. */
export interface IncidentsConfig {
  repository?: string;
  labels: string[];
}

/** The whole, validated configuration. */
export interface CheckpointConfig {
  /** Workspace-relative path of the config file. */
  path: string;
  gate: { name: string; version?: string; description?: string };
  labels: Record<Decision, Record<DecisionState, string>>;
  baseline: Baseline;
  limits: { maxFileBytes: number; maxDepth: number };
  artifacts: ArtifactConfig[];
  handoff?: HandoffConfig;
  rules: RuleConfig[];
  documents: DocumentConfig[];
  changelog?: { path: string; impactPattern: string };
  tools: ToolConfig[];
  commandSettings: CommandSettings;
  commands: CommandConfig[];
  incidents?: IncidentsConfig;
  consumer?: ConsumerConfig;
  jointDecision?: JointDecisionConfig;
  checkPolicies: CheckPolicy[];
  waivers: WaiverConfig[];
  /** Globs of workspace files a change must not touch for its own cutover (SPEC §10). */
  protectedPaths: string[];
  /** Where in the config file a pointer's value starts (for annotations). */
  locations: Record<string, SourceLocation>;
}

/** One reason a config is unusable, at its place in the file. */
export interface ConfigError {
  message: string;
  location: SourceLocation;
}
