import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorEnvelope } from '../src/error-envelope.mjs';

test('service.v2 envelope carries request_id at the top level', () => {
  assert.deepEqual(errorEnvelope('service.v2', { code: 'NOT_FOUND', message: 'x', requestId: 'r1' }), { error: { code: 'NOT_FOUND', message: 'x' }, request_id: 'r1' });
});

test('service.v3 envelope moves request_id under meta and adds retryable', () => {
  const envelope = errorEnvelope('service.v3', { code: 'RATE_LIMITED', message: 'slow', requestId: 'r2', retryable: true });
  assert.equal(envelope.meta.request_id, 'r2');
  assert.equal(envelope.error.retryable, true);
});

test('unknown codes are refused', () => {
  assert.throws(() => errorEnvelope('service.v2', { code: 'TEAPOT', message: 'x', requestId: 'r3' }));
});
