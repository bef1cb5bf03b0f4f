// What a test worker and its helper process (helper-process.ts) say to each other.
import type { GitResult } from '../../src/adapters/git-exec.js';

/** Where global-setup.ts put the helper's bundles (helper-process.cjs, helper-thread.cjs). */
export const HELPER_DIR_ENV = 'CUTOVER_CHECKPOINT_TEST_HELPER_DIR';

export type HelperRequest =
  | {
      kind: 'git';
      id: number;
      cwd: string;
      args: string[];
      env: Record<string, string | undefined>;
    }
  | {
      kind: 'exec';
      id: number;
      file: string;
      args: string[];
      cwd?: string;
      env: Record<string, string | undefined>;
      input?: string | Uint8Array;
      timeoutMs?: number;
    };

export interface ExecReply {
  kind: 'exec';
  id: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** The exit status; null when killed by a signal or never started (see `error`). */
  status: number | null;
  signal: string | null;
  /** Why the program could not run at all (ENOENT …). */
  error?: string;
}

export type HelperReply =
  | {
      kind: 'git';
      id: number;
      result: GitResult;
      /** An `unavailable` result's cause as plain data (an Error's own properties, `code` …). */
      cause?: { error: Record<string, unknown> & { message: string } } | { value: unknown };
    }
  | ExecReply;
