// Verified sign-off (SPEC §10), table-driven over the pure judges: who may sign, one person one
// role, dates, NO-GO, what GitHub vouches for, and what happens when it cannot be asked.
import { describe, expect, it } from 'vitest';
import { describeSignoff } from '../../src/core/checks/joint-decision.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { LookupResult, ReviewEvidence, SignoffEvidence } from '../../src/core/evidence.js';
import { formatLocation } from '../../src/core/model.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import { judgeFileSignatures, type FileSlot } from '../../src/core/signoff/file-signatures.js';
import { judgeGitHubSignatures, latestReviews } from '../../src/core/signoff/github-signatures.js';
import { assignRoles, checkSigner } from '../../src/core/signoff/signers.js';

const ROLES = ['producer', 'consumer'];
const SIGNERS = new Map([
  ['producer', ['alice', '@acme/release']],
  ['consumer', ['bob', 'carol']],
]);
const NOW = '2026-02-08T12:00:00Z';
const RELEASE = { tag: 'v0.3.2', date: '2026-02-07T12:00:00Z' };
const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const TEAMS: Record<string, LookupResult<string[]>> = {
  '@acme/release': { kind: 'ok', value: ['dave'] },
};

const go = (signedBy: string, at = '2026-02-08T10:00:00Z'): FileSlot => ({
  decision: 'GO',
  signed_by: signedBy,
  signed_at: at,
});

/** The check status a file judgement gives, with `unsigned: fail`. */
function fileStatus(
  slots: Record<string, FileSlot | null>,
  options: { roles?: string[]; teams?: typeof TEAMS; release?: typeof RELEASE | null } = {},
) {
  const judged = judgeFileSignatures({
    roles: options.roles ?? ROLES,
    signers: SIGNERS,
    teams: options.teams ?? TEAMS,
    slots,
    now: NOW,
    ...(options.release === null ? {} : { releaseDate: options.release ?? RELEASE }),
  });
  return describeSignoff('cutover', judged, 'fail', 'JOINT.json');
}

describe('file signatures', () => {
  it.each([
    [
      'both allowed signers, distinct, in range',
      { producer: go('alice'), consumer: go('bob') },
      'pass',
      'signed GO for cutover by producer (alice',
    ],
    [
      'a team member signs for the team',
      { producer: go('Dave'), consumer: go('carol') },
      'pass',
      'producer (Dave',
    ],
    [
      'logins compare case-insensitively',
      { producer: go('ALICE'), consumer: go('Bob') },
      'pass',
      'signed GO',
    ],
    [
      'a name nobody configured',
      { producer: go('mallory'), consumer: go('bob') },
      'fail',
      "producer signed_by 'mallory' is not an allowed signer (joint_decision.signers.producer: alice, @acme/release)",
    ],
    [
      'a consumer signer in the producer slot',
      { producer: go('bob'), consumer: go('carol') },
      'fail',
      "producer signed_by 'bob' is not an allowed signer",
    ],
    [
      'dated 2099',
      { producer: go('alice', '2099-01-01T00:00:00Z'), consumer: go('bob') },
      'fail',
      'producer signed_at 2099-01-01T00:00:00Z is in the future',
    ],
    [
      'dated 2020',
      { producer: go('alice'), consumer: go('bob', '2020-01-01T00:00:00Z') },
      'fail',
      'consumer signed_at 2020-01-01T00:00:00Z is before the release commit of v0.3.2 (2026-02-07T12:00:00Z)',
    ],
    [
      'a signed NO-GO by an allowed signer',
      { producer: go('alice'), consumer: { ...go('bob'), decision: 'NO-GO' as const } },
      'fail',
      'joint decision record: consumer signed NO-GO for cutover',
    ],
    [
      'nobody signed',
      { producer: null, consumer: null },
      'fail',
      'joint decision record JOINT.json is unsigned for cutover by producer, consumer',
    ],
    [
      'one role unsigned',
      { producer: go('alice'), consumer: null },
      'fail',
      'is unsigned for cutover by consumer',
    ],
  ])('%s', (_, slots, status, words) => {
    const judged = fileStatus(slots);
    expect(judged.status).toBe(status);
    expect(judged.summary).toContain(words);
  });

  it('one login listed for both roles signs only one of them', () => {
    const signers = new Map([
      ['producer', ['alice']],
      ['consumer', ['alice', 'bob']],
    ]);
    const judged = judgeFileSignatures({
      roles: ROLES,
      signers,
      teams: {},
      slots: { producer: go('alice'), consumer: go('Alice') },
      now: NOW,
    });
    const described = describeSignoff('cutover', judged, 'fail', 'JOINT.json');
    expect(described.status).toBe('fail');
    expect(described.summary).toContain(
      'Alice signed both producer and consumer; one person signs at most one role',
    );
  });

  it('a team the token cannot read leaves the signature pending, never a pass', () => {
    const judged = fileStatus(
      { producer: go('dave'), consumer: go('bob') },
      { teams: { '@acme/release': { kind: 'unavailable', reason: 'HTTP 404' } } },
    );
    expect(judged.status).toBe('pending');
    expect(judged.summary).toContain('membership of @acme/release cannot be read (HTTP 404)');
  });

  it('an unknown release date leaves a dated signature pending', () => {
    const judged = fileStatus(
      { producer: go('alice'), consumer: go('bob') },
      { release: { tag: 'v0.3.2', date: null as unknown as string } },
    );
    expect(judged.status).toBe('pending');
    expect(judged.summary).toContain("the date of release tag v0.3.2's commit is unknown");
  });

  it('roles come from the config: a prototype key in the record signs nobody', () => {
    for (const role of ['toString', 'constructor', '__proto__']) {
      const judged = judgeFileSignatures({
        roles: [role],
        signers: new Map(),
        teams: {},
        slots: JSON.parse('{}') as Record<string, FileSlot | null>,
        now: NOW,
      });
      expect(judged.roles[0]!.state.kind).toBe('unsigned');
      expect(describeSignoff('cutover', judged, 'pending', 'J').status).toBe('pending');
    }
  });
});

const review = (
  login: string,
  state: string,
  commitId = HEAD,
  id = Math.floor(Math.random() * 1e6),
): ReviewEvidence => ({
  id,
  login,
  state,
  commitId,
  submittedAt: '2026-02-08T11:00:00Z',
  url: `https://github.example/acme/repo/pull/7#pullrequestreview-${id}`,
});

function evidence(
  reviews: ReviewEvidence[] | string,
  approvals: { login: string; state: string; environments: string[] }[] | string = [],
): SignoffEvidence {
  return {
    pullRequest:
      typeof reviews === 'string'
        ? { kind: 'unavailable', reason: reviews }
        : {
            kind: 'ok',
            value: { number: 7, headSha: HEAD, url: 'https://github.example/pr/7', reviews },
          },
    runApprovals:
      typeof approvals === 'string'
        ? { kind: 'unavailable', reason: approvals }
        : {
            kind: 'ok',
            value: {
              runUrl: 'https://github.example/runs/42',
              approvals: approvals.map((a) => ({ ...a, comment: '' })),
            },
          },
    teams: TEAMS,
  };
}

function githubStatus(
  signoff: SignoffEvidence | undefined,
  options: {
    claims?: { role: string; signedBy: string; decision?: 'GO' | 'NO-GO' }[];
    environment?: string;
    signers?: Map<string, string[]>;
  } = {},
) {
  const judged = judgeGitHubSignatures({
    roles: ROLES,
    signers: options.signers ?? SIGNERS,
    evidence: signoff,
    claims: (options.claims ?? []).map((claim) => ({ decision: 'GO' as const, ...claim })),
    ...(options.environment ? { environment: options.environment } : {}),
  });
  return { judged, ...describeSignoff('cutover', judged, 'fail', 'JOINT.json') };
}

describe('GitHub signatures', () => {
  it.each([
    [
      'APPROVED reviews from a producer and a consumer signer on the head',
      [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
      'pass',
      'signed GO for cutover (verified by GitHub) by producer (alice, review https://github.example/acme/repo/pull/7#pullrequestreview-',
    ],
    [
      'a team member approves for the team',
      [review('dave', 'APPROVED'), review('carol', 'APPROVED')],
      'pass',
      'producer (dave',
    ],
    [
      'an approval on an older sha does not count',
      [review('alice', 'APPROVED', OLD), review('bob', 'APPROVED')],
      'fail',
      'unsigned for cutover by producer',
    ],
    [
      'a login not in the list does not count',
      [review('mallory', 'APPROVED'), review('bob', 'APPROVED')],
      'fail',
      'unsigned for cutover by producer',
    ],
    [
      'a dismissed approval does not count',
      [review('alice', 'APPROVED'), review('alice', 'DISMISSED'), review('bob', 'APPROVED')],
      'fail',
      'unsigned for cutover by producer',
    ],
    [
      'the latest review counts: approval after changes requested',
      [
        review('alice', 'CHANGES_REQUESTED'),
        review('alice', 'APPROVED'),
        review('bob', 'APPROVED'),
      ],
      'pass',
      'signed GO',
    ],
    [
      'a later comment does not undo an approval',
      [review('alice', 'APPROVED'), review('alice', 'COMMENTED'), review('bob', 'APPROVED')],
      'pass',
      'signed GO',
    ],
    [
      'changes requested by any allowed signer is NO-GO',
      [
        review('alice', 'APPROVED'),
        review('bob', 'APPROVED'),
        review('carol', 'CHANGES_REQUESTED'),
      ],
      'fail',
      'carol (signer for consumer) requested changes',
    ],
    [
      'changes requested by someone not allowed does not block',
      [
        review('alice', 'APPROVED'),
        review('bob', 'APPROVED'),
        review('mallory', 'CHANGES_REQUESTED'),
      ],
      'pass',
      'signed GO',
    ],
    ['nobody approved', [], 'fail', 'JOINT.json is unsigned for cutover by producer, consumer'],
  ])('%s', (_, reviews, status, words) => {
    const result = githubStatus(evidence(reviews));
    expect(result.status).toBe(status);
    expect([result.summary, ...result.details].join('\n')).toContain(words);
  });

  it('says why an approval on an older commit did not count', () => {
    const result = githubStatus(evidence([review('alice', 'APPROVED', OLD)]));
    expect(result.details.join('\n')).toContain(
      `alice approved commit ${OLD.slice(0, 12)}, not the head ${HEAD.slice(0, 12)} of #7`,
    );
  });

  it('one login listed for both roles covers one role only', () => {
    const signers = new Map([
      ['producer', ['alice']],
      ['consumer', ['alice', 'bob']],
    ]);
    const result = githubStatus(evidence([review('alice', 'APPROVED')]), { signers });
    expect(result.status).toBe('fail');
    expect(result.details.join('\n')).toContain(
      'alice may sign consumer but already signs another role; one person signs at most one role',
    );
    // With bob too, distinct people cover both roles (alice moves to producer).
    expect(
      githubStatus(evidence([review('alice', 'APPROVED'), review('bob', 'APPROVED')]), { signers })
        .status,
    ).toBe('pass');
  });

  it('one person through a review and a run approval is still one person', () => {
    const signers = new Map([
      ['producer', ['alice']],
      ['consumer', ['alice']],
    ]);
    const result = githubStatus(
      evidence(
        [review('alice', 'APPROVED')],
        [{ login: 'alice', state: 'approved', environments: ['production'] }],
      ),
      { signers },
    );
    expect(result.status).toBe('fail');
  });

  it.each([
    ['an approval of this run counts', undefined, 'production', 'pass'],
    ['restricted to the configured environment', 'production', 'production', 'pass'],
    ['another environment does not count', 'production', 'staging', 'fail'],
  ])('%s', (_, environment, approved, status) => {
    const result = githubStatus(
      evidence(
        [review('alice', 'APPROVED')],
        [{ login: 'bob', state: 'approved', environments: [approved] }],
      ),
      environment ? { environment } : {},
    );
    expect(result.status).toBe(status);
    if (status === 'pass')
      expect(result.summary).toContain(
        `consumer (bob, approval of this run's deployment to ${approved})`,
      );
  });

  it('a rejected run approval by an allowed signer is NO-GO', () => {
    const result = githubStatus(
      evidence(
        [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
        [{ login: 'carol', state: 'rejected', environments: ['production'] }],
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('carol (signer for consumer) rejected the deployment');
  });

  it('without a token: nobody signed takes the unsigned state; a claimed signature is pending', () => {
    const offline = evidence('no github-token was given', 'no github-token was given');
    const unsigned = githubStatus(offline);
    expect(unsigned.status).toBe('fail');
    expect(unsigned.summary).toContain('unsigned for cutover by producer, consumer');
    const claimed = githubStatus(offline, {
      claims: [
        { role: 'producer', signedBy: 'alice' },
        { role: 'consumer', signedBy: 'bob' },
      ],
    });
    expect(claimed.status).toBe('pending');
    expect(claimed.summary).toContain(
      'the record says alice signed producer, but GitHub cannot vouch for it',
    );
    expect(claimed.summary).toContain('no github-token was given');
    expect(githubStatus(undefined, { claims: [{ role: 'producer', signedBy: 'a' }] }).status).toBe(
      'fail',
    );
  });

  // SPEC §10: "a NO-GO from any allowed signer is a NO-GO" for either way of verifying; the
  // record's NO-GO is not vouched for by GitHub, but it can only hold the decision back. Someone
  // who may be an allowed signer (in a team the token cannot read) and refuses leaves it pending.
  const UNREADABLE_TEAM = {
    '@acme/release': { kind: 'unavailable', reason: 'the token cannot read team @acme/release' },
  } as Record<string, LookupResult<string[]>>;
  const BOTH_APPROVED = () => [review('alice', 'APPROVED'), review('bob', 'APPROVED')];
  it.each([
    {
      name: "the consumer's signer wrote NO-GO though both approved on GitHub",
      claim: { role: 'consumer', signedBy: 'bob' },
      status: 'fail',
      summary: 'the record says bob (signer for consumer) decided NO-GO',
    },
    {
      name: 'another allowed consumer signer wrote NO-GO',
      claim: { role: 'consumer', signedBy: 'carol' },
      status: 'fail',
      summary: 'the record says carol (signer for consumer) decided NO-GO',
    },
    {
      name: "an allowed signer's NO-GO in another role's slot",
      claim: { role: 'producer', signedBy: 'carol' },
      status: 'fail',
      summary: 'the record says carol (signer for consumer) decided NO-GO',
    },
    {
      name: 'a NO-GO by someone who may be in an unreadable team',
      claim: { role: 'producer', signedBy: 'erin' },
      teams: UNREADABLE_TEAM,
      status: 'pending',
      summary: 'erin refused; membership of @acme/release cannot be read',
    },
    {
      name: 'changes requested by someone who may be in an unreadable team',
      extraReview: review('erin', 'CHANGES_REQUESTED'),
      teams: UNREADABLE_TEAM,
      status: 'pending',
      summary: 'erin refused; membership of @acme/release cannot be read',
    },
    {
      name: 'a NO-GO by someone no list names is no signature',
      claim: { role: 'producer', signedBy: 'mallory' },
      status: 'pass',
      summary: 'signed GO for cutover (verified by GitHub)',
    },
  ])('refusals under verify github: $name', ({ claim, extraReview, teams, status, summary }) => {
    const reviews = [...BOTH_APPROVED(), ...(extraReview ? [extraReview] : [])];
    const signoff = { ...evidence(reviews), ...(teams ? { teams } : {}) };
    const claims = claim ? [{ ...claim, decision: 'NO-GO' as const }] : [];
    const result = githubStatus(signoff, { claims });
    expect(result.status).toBe(status);
    expect(result.summary).toContain(summary);
  });

  it('with GitHub readable, a claim in the record is not a signature', () => {
    const result = githubStatus(evidence([]), {
      claims: [
        { role: 'producer', signedBy: 'alice' },
        { role: 'consumer', signedBy: 'bob' },
      ],
    });
    expect(result.status).toBe('fail');
    expect(result.details.join('\n')).toContain(
      'the record names alice for producer, but GitHub shows no approval by an allowed signer',
    );
  });

  it('an approval by someone who may be in an unreadable team is pending', () => {
    const signoff = {
      ...evidence([review('dave', 'APPROVED'), review('bob', 'APPROVED')]),
      teams: {
        '@acme/release': {
          kind: 'unavailable',
          reason: 'the token cannot read team @acme/release (HTTP 404)',
        },
      } as Record<string, LookupResult<string[]>>,
    };
    const result = githubStatus(signoff);
    expect(result.status).toBe('pending');
    expect(result.summary).toContain('membership of @acme/release cannot be read');
  });

  it('verified signatures carry their source', () => {
    const { judged } = githubStatus(
      evidence(
        [review('alice', 'APPROVED', HEAD, 5)],
        [{ login: 'bob', state: 'approved', environments: ['production'] }],
      ),
    );
    expect(judged.roles.map((r) => r.state)).toEqual([
      {
        kind: 'signed',
        signature: expect.objectContaining({
          role: 'producer',
          signer: 'alice',
          source: 'review',
          url: 'https://github.example/acme/repo/pull/7#pullrequestreview-5',
        }),
      },
      {
        kind: 'signed',
        signature: expect.objectContaining({
          role: 'consumer',
          signer: 'bob',
          source: 'run-approval',
          url: 'https://github.example/runs/42',
          environments: ['production'],
        }),
      },
    ]);
  });
});

describe('signers', () => {
  it('latest review per reviewer, ignoring comments and dismissals', () => {
    const reviews = [
      review('a', 'APPROVED', HEAD, 1),
      review('A', 'COMMENTED', HEAD, 2),
      review('b', 'APPROVED', HEAD, 3),
      review('b', 'DISMISSED', HEAD, 4),
    ];
    expect(latestReviews(reviews).map((r) => r.id)).toEqual([1]);
  });

  it('an unreadable team is unknown, never yes', () => {
    expect(checkSigner('x', ['@o/t'], {})).toEqual({
      kind: 'unknown',
      why: 'membership of @o/t cannot be read (not looked up)',
    });
    expect(checkSigner('x', ['y'], {})).toEqual({ kind: 'no' });
  });

  it.each([
    [[['p', 'c'], ['p']], { p: 1, c: 0 }],
    [[['p'], ['p']], { p: 0 }],
    [[['p', 'c']], { p: 0 }],
    [[['c'], ['p', 'c'], ['p']], { c: 0, p: 1 }],
  ])('assigns distinct people to roles: %j', (people, expected) => {
    expect(Object.fromEntries(assignRoles(['p', 'c'], people))).toEqual(expected);
  });
});

describe('joint_decision config', () => {
  const validator = createSchemaValidator();
  const parse = (joint: string) =>
    parseConfig(
      `version: 1\ngate: {name: g}\njoint_decision:\n  path: j.json\n${joint}`,
      'c.yml',
      validator,
    );

  it('defaults: rehearsal from the file, cutover from GitHub; roles from the signers', () => {
    const result = parse('  signers: {producer: [alice], consumer: ["@acme/qa"]}\n');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const joint = result.config.jointDecision!;
    expect(joint.verify).toEqual({ rehearsal: 'file', cutover: 'github' });
    expect(joint.roles).toEqual(['producer', 'consumer']);
    expect(joint.signers.get('consumer')).toEqual(['@acme/qa']);
  });

  it('a role named like a prototype key has no signers unless configured', () => {
    const result = parse('  roles: [toString, constructor]\n');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.config.jointDecision!.signers.get('toString')).toBeUndefined();
  });

  it.each([
    [
      '  roles: [producer, consumer]\n  signers: {producer: [a], consumr: [b]}\n',
      "c.yml:6:37: signers for unknown role 'consumr'; did you mean 'consumer'?",
    ],
    [
      '  roles: [producer, consumer]\n  signers: {producer: [a]}\n',
      "c.yml:6:12: role 'consumer' has no signers; list the logins (or @org/team) allowed to sign it",
    ],
    [
      '  verify: {cutover: trust-me}\n',
      'c.yml:5:21: /joint_decision/verify/cutover must be one of "file", "github" (found "trust-me")',
    ],
    [
      '  signers: {producer: ["@acme"]}\n',
      'c.yml:5:24: /joint_decision/signers/producer/0 must match',
    ],
  ])('refuses %j', (joint, message) => {
    const result = parse(joint);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join('\n'),
    ).toContain(message);
  });
});
