import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, backoffSchedule, LIVE_BACKOFF } from './backoff.ts';

test('the waits double from half a second and stop growing at thirty seconds', () => {
  assert.deepEqual(backoffSchedule(9), [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('jitter only ever shortens a wait, by at most a fifth', () => {
  for (const attempt of [0, 3, 10]) {
    const longest = backoffDelay(attempt, LIVE_BACKOFF, () => 0);
    const shortest = backoffDelay(attempt, LIVE_BACKOFF, () => 0.999999);
    assert.ok(shortest >= longest * 0.8 && shortest < longest);
  }
});

test('a very large attempt number does not overflow the cap', () => {
  assert.equal(backoffDelay(5000, LIVE_BACKOFF, () => 0), 30_000);
  assert.equal(backoffDelay(-1, LIVE_BACKOFF, () => 0), 500);
});
