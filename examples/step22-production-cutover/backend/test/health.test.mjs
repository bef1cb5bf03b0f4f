import { test } from 'node:test';
import assert from 'node:assert/strict';
import { health } from '../health.mjs';

test('healthy when every check passes', () => {
  assert.deepEqual(health('1.0.0', { db: true, cache: true }), { status: 'ok', version: '1.0.0', failing: [] });
});

test('degraded names the failing checks', () => {
  assert.deepEqual(health('1.0.0', { db: false, cache: true }).failing, ['db']);
});
