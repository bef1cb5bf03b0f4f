// Verification commands run for real once per tree, then replayed: the demo repository's commands
// take a second or two (seven processes) and nearly every Action test runs them on the same files.
// Recordings are files in this test run's scratch directory (TMPDIR is fresh per `vitest run`, see
// support/global-setup.ts), so every worker replays what any worker ran; a lock file makes the
// others wait for the one running a tree instead of running it too.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CommandRunnerPort } from '../../src/app/ports.js';
import type { CommandResult } from '../../src/core/evidence.js';

interface Recording {
  workspace: string;
  results: CommandResult[];
}

/** How long a worker waits for another to finish recording a tree before running it itself. */
const WAIT_MS = 120_000;

/**
 * The real runner the first time a set of commands runs on a tree, then their recorded results
 * (with the same events). The key is the commands, what is refused or withheld, the run timeout,
 * `environment` (the variables the test gave the step beyond the usual runner's), and a digest of
 * every file of the tree (not its path) but the `skipped` ones (this run's evidence, files the
 * test says no command reads), so a test that changes any other file gets a real run; the
 * recorded workspace path in the results is replaced by the current one.
 */
export function replaying(
  real: CommandRunnerPort,
  workspace: string,
  skipped: string[],
  environment: Readonly<Record<string, string>> = {},
): CommandRunnerPort {
  return {
    async run(commands, options) {
      const key = JSON.stringify([
        digestTree(workspace, skipped),
        commands,
        options.refusals,
        options.withheldEnv,
        options.runTimeoutMs,
        environment,
      ]);
      const recording = await recordOnce(key, async () => ({
        workspace,
        results: await real.run(commands, options),
      }));
      if (recording.fresh) return recording.results;
      const results = recording.results.map(
        (result) =>
          JSON.parse(
            JSON.stringify(result).replaceAll(recording.workspace, workspace),
          ) as CommandResult,
      );
      const events = options.events;
      events?.onRunStart?.(commands, options.concurrency ?? 1);
      for (const [i, command] of commands.entries()) {
        const result = results[i]!;
        if (result.state === 'ran') {
          events?.onStart?.(command);
          if (result.outputTail) events?.onOutput?.(command, result.outputTail);
        }
        events?.onEnd?.(command, result);
      }
      return results;
    },
  };
}

/** The recording for `key`: read, awaited from the worker making it, or made by `record`. */
async function recordOnce(
  key: string,
  record: () => Promise<Recording>,
): Promise<Recording & { fresh: boolean }> {
  const dir = join(tmpdir(), 'cc-command-replay');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (existsSync(file))
      return { ...(JSON.parse(readFileSync(file, 'utf8')) as Recording), fresh: false };
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      const made = await record();
      writeFileSync(`${file}.${process.pid}`, JSON.stringify(made));
      renameSync(`${file}.${process.pid}`, file);
      return { ...made, fresh: true };
    } finally {
      rmSync(lock, { force: true });
    }
  }
  return { ...(await record()), fresh: true };
}

/** sha256 over every file's path and bytes, skipping .git and the `skipped` paths. */
function digestTree(root: string, skipped: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.name === '.git' || skipped.includes(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(`${relative(root, path)}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}
