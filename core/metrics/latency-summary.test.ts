import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summarizeLatency } from './latency-summary.ts';

test('percentiles interpolate linearly between closest ranks like numpy', () => {
  // numpy.percentile([1, 2, 3, 4], [50, 95, 99]) → [2.5, 3.85, 3.97]
  const s = [1, 2, 3, 4];
  assert.equal(percentile(s, 50), 2.5);
  assert.ok(Math.abs((percentile(s, 95) as number) - 3.85) < 1e-12);
  assert.ok(Math.abs((percentile(s, 99) as number) - 3.97) < 1e-12);
});

test('a summary of no samples has count 0 and nulls', () => {
  assert.deepEqual(summarizeLatency([]), { count: 0, avg: null, p50: null, p95: null, p99: null, max: null });
});

test('a summary sorts its samples numerically, not as text', () => {
  const s = summarizeLatency([100, 9, 20]);
  assert.equal(s.p50, 20);
  assert.equal(s.max, 100);
  assert.equal(s.avg, 43);
});
