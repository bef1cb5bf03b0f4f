// Publishing errors sorted the one way: GitHub's "no" (a RequestError with a status) is an
// Outcome and a warning; anything else (a TypeError, a bug) propagates. Creates are never
// retried blindly after a 5xx.
import { describe, expect, it } from 'vitest';
import { createOnce } from '../../src/adapters/github/create-once.js';
import { createPublisher } from '../../src/adapters/github/publisher.js';
import type { GitHubClient } from '../../src/adapters/github/octokit.js';
import { resolveGitHubContext } from '../../src/adapters/github/context.js';
import { readEventPayload } from '../../src/adapters/github/event.js';
import { stopOnSignals } from '../../src/adapters/stop-signal.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An Octokit RequestError's shape: a status and a message. */
const apiError = (status: number, message = 'boom') =>
  Object.assign(new Error(message), { status });

function publisherWith(create: () => Promise<unknown>) {
  const warnings: string[] = [];
  const client = { rest: { checks: { create } } } as unknown as GitHubClient;
  const publisher = createPublisher({
    client,
    context: resolveGitHubContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'a'.repeat(40) }, {}),
    checkName: 'Cutover checkpoint',
    comment: 'never',
    conditionalConclusion: 'action_required',
    pathPrefix: '',
    warn: (message) => warnings.push(message),
    now: () => new Date(0),
    notice: () => undefined,
  });
  return { publisher, warnings };
}

describe('publisher', () => {
  it('a TypeError while creating the check run propagates (it is a bug, not GitHub)', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const { publisher, warnings } = publisherWith(() => Promise.reject(bug));
    await expect(publisher.start()).rejects.toBe(bug);
    expect(warnings).toEqual([]);
  });

  it('GitHub answering 422 is a warning and no check run', async () => {
    const { publisher, warnings } = publisherWith(() =>
      Promise.reject(apiError(422, 'Validation Failed')),
    );
    await publisher.start();
    expect(publisher.published.checkRun).toBeUndefined();
    expect(warnings).toEqual([
      'cutover-checkpoint could not create the check run (HTTP 422: Validation Failed).',
    ]);
  });

  it('a 403 is noted once for the closing warning, naming the permission', async () => {
    const { publisher, warnings } = publisherWith(() =>
      Promise.reject(apiError(403, 'Resource not accessible by integration')),
    );
    await publisher.start();
    expect(warnings).toEqual([]);
    publisher.reportPermissions();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('create the check run (needs `checks: write`)');
  });
});

describe('createOnce', () => {
  it('after a 5xx finds what the lost answer created and does not create again', async () => {
    let creates = 0;
    const created = await createOnce(
      async () => {
        creates++;
        throw apiError(502);
      },
      async () => 'found',
    );
    expect(created).toBe('found');
    expect(creates).toBe(1);
  });

  it('after a 5xx creates once more when nothing was created', async () => {
    let creates = 0;
    const created = await createOnce(
      async () => {
        if (creates++ === 0) throw apiError(503);
        return 'second';
      },
      async () => undefined,
    );
    expect([created, creates]).toEqual(['second', 2]);
  });

  it('a lookup that fails propagates with the 5xx that made it necessary as its cause', async () => {
    const lost = apiError(502);
    const lookup = apiError(403);
    await expect(
      createOnce(
        () => Promise.reject(lost),
        () => Promise.reject(lookup),
      ),
    ).rejects.toBe(lookup);
    expect(lookup.cause).toBe(lost);
  });

  it('any other error propagates without a lookup', async () => {
    let lookups = 0;
    const denied = apiError(403);
    await expect(
      createOnce(
        () => Promise.reject(denied),
        async () => {
          lookups++;
          return 'x';
        },
      ),
    ).rejects.toBe(denied);
    expect(lookups).toBe(0);
  });
});

describe('readEventPayload', () => {
  const write = (text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'cc-event-')), 'event.json');
    writeFileSync(path, text);
    return path;
  };

  it('reads a JSON object; no path is an empty payload', () => {
    expect(readEventPayload(write('{"action":"opened"}'))).toEqual({
      kind: 'ok',
      value: { action: 'opened' },
    });
    expect(readEventPayload(undefined)).toEqual({ kind: 'ok', value: {} });
  });

  it.each([
    ['{"pull_request": ', /is not JSON/],
    ['[1, 2]', /is not a JSON object \(got an array\)/],
    ['null', /is not a JSON object \(got null\)/],
  ])('%s is unavailable, saying why', (text, reason) => {
    const outcome = readEventPayload(write(text));
    expect(outcome.kind).toBe('unavailable');
    expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(reason);
  });

  it('a missing file is unavailable with the cause kept', () => {
    const outcome = readEventPayload('/nonexistent/event.json');
    expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(
      /cannot read the event payload/,
    );
    expect(outcome.kind === 'unavailable' && (outcome.cause as NodeJS.ErrnoException).code).toBe(
      'ENOENT',
    );
  });
});

describe('stopOnSignals', () => {
  it('removes its listeners when disposed', () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const stop = stopOnSignals({ notify: () => undefined, onSecondSignal: () => undefined });
    expect(process.listenerCount('SIGINT')).toBe(before[0]! + 1);
    stop.dispose();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('aborts on the first signal and leaves the second to the door', () => {
    const notes: string[] = [];
    let second = 0;
    // Only ours hears the emitted signals (the test runner's own listeners are set aside).
    const others = (['SIGINT', 'SIGTERM'] as const).map((name) => {
      const listeners = process.listeners(name);
      process.removeAllListeners(name);
      return () => listeners.forEach((l) => process.on(name, l));
    });
    const stop = stopOnSignals({ notify: (t) => notes.push(t), onSecondSignal: () => second++ });
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(stop.signal.aborted).toBe(true);
      expect(stop.signal.reason).toBe('the gate was interrupted (SIGTERM)');
      process.emit('SIGINT', 'SIGINT');
      expect(second).toBe(1);
      expect(notes).toHaveLength(1);
    } finally {
      stop.dispose();
      others.forEach((restore) => restore());
    }
  });
});
