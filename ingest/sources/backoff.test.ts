import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff } from './backoff.ts';

test('waits double from one second up to thirty seconds', () => {
  const backoff = new Backoff({ random: () => 0.5 });
  const waits = Array.from({ length: 8 }, () => backoff.next());
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('jitter stays within a quarter of the base and never leaves the bounds', () => {
  const low = new Backoff({ random: () => 0 });
  const high = new Backoff({ random: () => 0.999 });
  assert.deepEqual([low.next(), low.next(), low.next()], [1000, 1500, 3000]);
  assert.deepEqual([high.next(), high.next(), high.next()], [1250, 2499, 4998]);
  for (let i = 0; i < 10; i++) high.next();
  assert.equal(high.next(), 30000);
});

test('a reset starts the next failure from the initial wait', () => {
  const backoff = new Backoff({ initialMs: 10, maxMs: 100, random: () => 0.5 });
  backoff.next();
  backoff.next();
  backoff.reset();
  assert.equal(backoff.next(), 10);
});
