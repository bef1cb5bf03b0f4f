import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/render/github/check-run.js';
import {
  annotationBatches,
  MAX_ANNOTATIONS,
  omittedAnnotationsNote,
  selectAnnotations,
} from '../../src/core/github/publication-budget.js';
import {
  classifyApiFailure,
  explainMissingToken,
  explainPublicationFailure,
} from '../../src/core/github/publication-errors.js';
import {
  judgedCommitLine,
  planStickyComment,
  readJudgedCommit,
} from '../../src/core/github/sticky-comment-plan.js';

const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);
const MARKER = '<!-- cutover-checkpoint:gate=Cutover%20gate -->';
const mine = (id: number, body = `${MARKER}\nold`) => ({ id, author: 'bot[bot]', body });

describe('planStickyComment', () => {
  const base = {
    identity: 'bot[bot]',
    marker: MARKER,
    body: `${MARKER}\nnew`,
    judged: NEW,
    currentHead: NEW,
  };

  it.each([
    ['no comment yet: create', [], { create: true, keep: null, edit: false, remove: [] }],
    [
      'one of ours, changed: edit it',
      [mine(5)],
      { create: false, keep: 5, edit: true, remove: [] },
    ],
    [
      'one of ours, same body: leave it',
      [mine(5, `${MARKER}\nnew`)],
      { create: false, keep: 5, edit: false, remove: [] },
    ],
    [
      'duplicates from a race: keep the oldest, delete the rest',
      [mine(9), mine(5), mine(7)],
      { create: false, keep: 5, edit: true, remove: [7, 9] },
    ],
    [
      "a marker in someone else's comment is not ours",
      [{ id: 3, author: 'mallory', body: MARKER }],
      { create: true, keep: null, edit: false, remove: [] },
    ],
    [
      'a marker quoted inside a line is not a marker',
      [{ id: 3, author: 'bot[bot]', body: `> ${MARKER}` }],
      { create: true, keep: null, edit: false, remove: [] },
    ],
    [
      'another gate whose name is a prefix is not ours',
      [{ id: 3, author: 'bot[bot]', body: '<!-- cutover-checkpoint:gate=Cutover -->' }],
      { create: true, keep: null, edit: false, remove: [] },
    ],
  ])('%s', (_, comments, want) => {
    expect(planStickyComment({ ...base, comments })).toEqual(want);
  });

  it('an older commit never overwrites the comment, but still removes duplicates', () => {
    const plan = planStickyComment({ ...base, judged: OLD, comments: [mine(5), mine(6)] });
    expect(plan).toMatchObject({ create: false, edit: false, keep: 5, remove: [6] });
    expect(plan.skip).toContain(NEW.slice(0, 7));
  });

  it('with no identity nothing matches, so a comment is created and its author learnt', () => {
    expect(planStickyComment({ ...base, identity: null, comments: [mine(5)] }).create).toBe(true);
  });

  it('reads the judged commit back from a body, only from its own line', () => {
    expect(readJudgedCommit(`x\n${judgedCommitLine(NEW)}\ny`)).toBe(NEW);
    expect(readJudgedCommit(`x ${judgedCommitLine(NEW)}`)).toBeNull();
  });

  it("a marker counts only as the whole first line (the renderer's one definition)", () => {
    const plan = (body: string) =>
      planStickyComment({ ...base, comments: [{ id: 5, author: base.identity, body }] });
    expect(plan(`${MARKER}\r\nverdict`).create).toBe(false);
    expect(plan(`quoting:\n${MARKER}\nverdict`).create).toBe(true);
  });
});

describe('annotation budget', () => {
  const at = (level: Annotation['annotation_level'], i: number): Annotation => ({
    path: 'a.json',
    start_line: i,
    end_line: i,
    annotation_level: level,
    title: `t${i}`,
    message: 'm',
  });

  it('sends at most the cap, failures first, stable, and counts the rest', () => {
    const all = [
      ...Array.from({ length: 80 }, (_, i) => at('notice', i)),
      ...Array.from({ length: 3000 }, (_, i) => at('failure', 100 + i)),
      at('warning', 5000),
    ];
    const { sent, omitted } = selectAnnotations(all);
    expect(sent).toHaveLength(MAX_ANNOTATIONS);
    expect(sent.every((a) => a.annotation_level === 'failure')).toBe(true);
    expect(sent[0]!.start_line).toBe(100);
    expect(omitted).toBe(all.length - MAX_ANNOTATIONS);
    expect(omittedAnnotationsNote(omitted)).toContain('2,981 more annotation(s)');
    expect(omittedAnnotationsNote(0)).toBe('');
    expect(annotationBatches(sent).map((b) => b.length)).toEqual([50, 50]);
  });

  it('keeps a small set whole, ordered by severity', () => {
    const { sent, omitted } = selectAnnotations([
      at('notice', 1),
      at('warning', 2),
      at('failure', 3),
    ]);
    expect(sent.map((a) => a.start_line)).toEqual([3, 2, 1]);
    expect(omitted).toBe(0);
  });
});

describe('publication failures', () => {
  it.each([
    [{ status: 500, message: 'bad port' }, 'unreachable'],
    [{ message: 'connect ECONNREFUSED 127.0.0.1:1', code: 'ECONNREFUSED' }, 'unreachable'],
    [{ status: 401, message: 'Bad credentials' }, 'bad-credentials'],
    [{ status: 403, message: 'You must authenticate via a GitHub App.' }, 'app-token-required'],
    [{ status: 403, message: 'Resource not accessible by integration' }, 'permission'],
    [{ status: 403, message: 'You have exceeded a secondary rate limit' }, 'rate-limited'],
    [{ status: 422, message: 'Validation Failed' }, 'other'],
  ] as const)('%j is %s', (failure, kind) => {
    expect(classifyApiFailure(failure)).toBe(kind);
  });

  it('a 401 is never reported as a missing permission', () => {
    const text = explainPublicationFailure(
      'create the check run',
      'checks: write',
      { status: 401, message: 'Bad credentials' },
      'https://api.github.com',
    );
    expect(text).toContain('rejected the token');
    expect(text).not.toContain('checks: write');
  });

  it('a personal access token is told which token kinds can create check runs, quoting GitHub', () => {
    const text = explainPublicationFailure(
      'create the check run',
      'checks: write',
      { status: 403, message: 'You must authenticate via a GitHub App.' },
      'https://api.github.com',
    );
    expect(text).toContain('"You must authenticate via a GitHub App."');
    expect(text).toMatch(/installation token/);
    expect(text).not.toMatch(/permissions:/);
  });

  it('an unreachable API names the URL, not HTTP 500', () => {
    const text = explainPublicationFailure(
      'create the check run',
      'checks: write',
      { status: 500, message: 'bad port' },
      'http://127.0.0.1:9',
    );
    expect(text).toContain('http://127.0.0.1:9');
    expect(text).not.toContain('HTTP 500');
  });

  it('a missing token names the check that will wait', () => {
    expect(explainMissingToken('Cutover gate')).toMatch(
      /required status check named 'Cutover gate' will wait/,
    );
  });
});
