import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeAt, activeAtEach, peakConcurrent, peakOfSorted, spanEnd, STALE_MS } from './concurrency.ts';
import type { StreamSpan } from './concurrency.ts';

/** The sorted arrays `activeAtEach`/`peakOfSorted` take, made from spans the way the report reads them. */
function sorted(spans: readonly StreamSpan[], fromMs: number): { starts: Float64Array; ends: Float64Array } {
  const kept = spans.map((s) => ({ start: Math.max(s.openMs, fromMs), end: spanEnd(s) })).filter((s) => s.end > s.start);
  return {
    starts: Float64Array.from(kept.map((s) => s.start)).sort(),
    ends: Float64Array.from(kept.map((s) => s.end)).sort(),
  };
}

test('a stream that never closes stops counting 5 minutes after its open', () => {
  const spans: StreamSpan[] = [{ openMs: 0, closeMs: null }];
  assert.equal(activeAt(spans, STALE_MS - 1), 1);
  assert.equal(activeAt(spans, STALE_MS), 1, 'open through the whole window ending at its stale instant');
  assert.equal(activeAt(spans, STALE_MS + 1), 0);
  const { starts, ends } = sorted(spans, 0);
  assert.deepEqual(activeAtEach(starts, ends, [STALE_MS - 1, STALE_MS, STALE_MS + 1]), [1, 1, 0]);
});

test('a close and an open at the same instant do not overlap', () => {
  const spans: StreamSpan[] = [{ openMs: 0, closeMs: 1000 }, { openMs: 1000, closeMs: 2000 }];
  assert.equal(peakConcurrent(spans, 0, 3000), 1);
  const { starts, ends } = sorted(spans, 0);
  assert.equal(peakOfSorted(starts, ends, 3000), 1);
});

test('the sorted forms give the same active counts and peaks as the span forms, on random traffic', () => {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let round = 0; round < 40; round++) {
    const spans: StreamSpan[] = Array.from({ length: 60 }, () => {
      const openMs = Math.floor(random() * 1200) * 1000;
      const r = random();
      return { openMs, closeMs: r < 0.2 ? null : r < 0.3 ? openMs : openMs + Math.floor(random() * 600) * 1000 };
    });
    const fromMs = Math.floor(random() * 600) * 1000;
    const toMs = fromMs + 1000 + Math.floor(random() * 900) * 1000;
    const { starts, ends } = sorted(spans.filter((s) => s.openMs < toMs), fromMs);
    const times = [toMs, fromMs + 1, Math.floor((fromMs + toMs) / 2)];
    assert.deepEqual(activeAtEach(starts, ends, times), times.map((t) => activeAt(spans, t)), `round ${round}`);
    assert.equal(peakOfSorted(starts, ends, toMs), peakConcurrent(spans, fromMs, toMs), `round ${round}`);
  }
});
