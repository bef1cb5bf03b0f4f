// The shapes of a parse (the JSON and YAML readers share them): what a parsed file offers, why a
// text could not be parsed, and the limits a hostile file meets.

import type { Position } from './positions.js';

/** A parsed file: its value and a pointer → position lookup into its text. */
export interface ParsedDocument {
  format: 'json' | 'yaml';
  value: unknown;
  /**
   * Numbers a double cannot hold exactly (beyond 2^53, 1e400, long decimals), by pointer, with
   * the text the file wrote: compare these by exact value, never by the rounded `value`.
   */
  inexactNumbers?: ReadonlyMap<string, string>;
  /** Where the value at `pointer` starts; with `key`, where its member name starts. */
  locate(pointer: string, key?: boolean): Position | undefined;
}

/** One reason a text could not be parsed. */
export interface ParseIssue {
  message: string;
  position?: Position;
}

export type ParseResult =
  { ok: true; document: ParsedDocument } | { ok: false; issues: ParseIssue[] };

/** Limits that keep a hostile file from costing the gate its memory or stack. */
export interface ParseLimits {
  maxDepth: number;
  /** Told how many characters each positions walk visited (an operation count for tests). */
  onScan?: (characters: number) => void;
}
