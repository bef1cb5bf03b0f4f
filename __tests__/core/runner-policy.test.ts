import { describe, expect, it } from 'vitest';
import { findMutation } from '../../src/core/commands/mutation.js';
import { createRedactor, MASK, redactDeep } from '../../src/core/redact.js';
import { findCriticalPath } from '../../src/core/commands/critical-path.js';
import type { CommandResult } from '../../src/core/evidence.js';

describe('findMutation', () => {
  it.each([
    ['docker compose -f deploy/docker-compose.yml up -d', true],
    ['docker-compose down', true],
    ['docker compose -f deploy/docker-compose.yml config', false],
    ['docker compose config -q', false],
    ['kubectl apply -f k8s/', true],
    ['kubectl get pods', false],
    ['kubectl rollout restart deploy/api', true],
    ['kubectl rollout status deploy/api', false],
    ['terraform apply -auto-approve', true],
    ['terraform plan', false],
    ['helm upgrade --install api ./chart', true],
    ['helm template ./chart', false],
    ['git push origin v1.0.0', true],
    ['git fetch --tags', false],
    ['npm publish --dry-run', true],
    ['npm test', false],
    ['cargo publish', true],
    ['./scripts/verify_contract_parity.sh', false],
  ])('%s → mutating: %s', (run, mutating) => {
    expect(findMutation({ run, mutates: false }) !== undefined).toBe(mutating);
  });

  it('honours mutates: true and extra patterns', () => {
    expect(findMutation({ run: './deploy.sh', mutates: true })).toBe('marked mutates: true');
    expect(
      findMutation({ run: './bin/flip-traffic --to v3', mutates: false }, ['flip-traffic']),
    ).toContain('/flip-traffic/');
  });
});

describe('createRedactor', () => {
  const redact = createRedactor(['s3cr3t-value', 'ab', undefined, 's3cr3t-value-longer']);
  it.each([
    ['uses s3cr3t-value here', `uses ${MASK} here`],
    ['longer s3cr3t-value-longer first', `longer ${MASK} first`],
    ['too short ab stays', 'too short ab stays'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', MASK],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', MASK],
    ['key AKIAIOSFODNN7EXAMPLE!', `key ${MASK}!`],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', MASK],
    ['a regex-looking secret (.*) is literal', 'a regex-looking secret (.*) is literal'],
  ])('%j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('treats secrets as literals, not patterns', () => {
    expect(createRedactor(['a.*b+c'])('xa.*b+cx and aXXbbc')).toBe(`x${MASK}x and aXXbbc`);
  });

  it('redacts every string inside a record', () => {
    expect(
      redactDeep({ a: ['s3cr3t-value'], b: { c: 'x s3cr3t-value' }, n: 1, z: null }, redact),
    ).toEqual({ a: [MASK], b: { c: `x ${MASK}` }, n: 1, z: null });
  });
});

describe('findCriticalPath', () => {
  const result = (id: string, startedMs: number, durationMs: number): CommandResult => ({
    id,
    run: id,
    cwd: '.',
    state: 'ran',
    exitCode: 0,
    signal: null,
    timedOut: false,
    startedMs,
    durationMs,
    outputTail: '',
    outputBytes: 0,
  });
  it('follows the dependency that finished last', () => {
    const results = [
      result('build', 0, 1000),
      result('lint', 0, 300),
      result('test', 1000, 2000),
      result('docs', 300, 500),
    ];
    const needs = new Map([
      ['test', ['build', 'lint']],
      ['docs', ['lint']],
    ]);
    expect(findCriticalPath(results, needs)).toEqual({ ids: ['build', 'test'], ms: 3000 });
  });
  it('is empty when nothing ran', () => {
    expect(findCriticalPath([], new Map())).toEqual({ ids: [], ms: 0 });
  });
});
