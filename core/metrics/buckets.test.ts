import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BUCKETS, TooManyBucketsError, bucketStarts, chooseBucket } from './buckets.ts';

const HOUR = 3_600_000;

test('the automatic bucket is 1m up to 6 h, 5m up to 24 h and 1h beyond; an asked one wins', () => {
  assert.equal(chooseBucket(6 * HOUR, null), '1m');
  assert.equal(chooseBucket(6 * HOUR + 1, null), '5m');
  assert.equal(chooseBucket(24 * HOUR, null), '5m');
  assert.equal(chooseBucket(24 * HOUR + 1, null), '1h');
  assert.equal(chooseBucket(30 * 24 * HOUR, '5m'), '5m');
  assert.equal(chooseBucket(HOUR, 'none'), null);
});

test('bucket starts align to the clock and cover the window', () => {
  const from = Date.parse('2026-11-20T09:02:30Z');
  const to = Date.parse('2026-11-20T09:12:00Z');
  assert.deepEqual(bucketStarts(from, to, 300_000).map((t) => new Date(t).toISOString()), [
    '2026-11-20T09:00:00.000Z', '2026-11-20T09:05:00.000Z', '2026-11-20T09:10:00.000Z',
  ]);
  assert.deepEqual(bucketStarts(from, from, 60_000), []);
});

test('a series too long to draw is refused with what to do', () => {
  assert.throws(() => bucketStarts(0, (MAX_BUCKETS + 1) * 60_000, 60_000), (err: unknown) => err instanceof TooManyBucketsError && /--bucket/.test(err.message));
});
