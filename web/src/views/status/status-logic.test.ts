import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLag, formatBytes, sourceHealthy } from './status-logic.ts';

test('store sizes read in binary units', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1_048_576), '1.0 MB');
  assert.equal(formatBytes(734_003_200), '700 MB');
  assert.equal(formatBytes(-1), '—');
});

test('lag reads in the largest sensible unit', () => {
  assert.equal(describeLag(null), 'no entry read yet');
  assert.equal(describeLag(0.3), 'under a second behind');
  assert.equal(describeLag(42), '42 s behind');
  assert.equal(describeLag(900), '15 min behind');
  assert.equal(describeLag(36_000), '10 h behind');
});

test('a stalled or down source is not healthy, a finished file is', () => {
  assert.equal(sourceHealthy('stalled'), false);
  assert.equal(sourceHealthy('down'), false);
  assert.equal(sourceHealthy('finished'), true);
});
