import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeFrom, resolveRange, rangeSpanMs } from './time-range.ts';

const NOW = Date.parse('2025-03-10T14:30:12.345Z');

test('the last hour ends at the current whole second and starts an hour earlier', () => {
  const window = resolveRange({ kind: 'preset', preset: '1h' }, NOW);
  assert.equal(window.to, '2025-03-10T14:30:12.000Z');
  assert.equal(window.from, '2025-03-10T13:30:12.000Z');
  assert.equal(window.spanMs, 3_600_000);
  assert.equal(window.relative, true);
});

test('the last 7 days span seven times 24 hours', () => {
  const window = resolveRange({ kind: 'preset', preset: '7d' }, NOW);
  assert.equal(window.from, '2025-03-03T14:30:12.000Z');
});

test('a custom window is the same whatever the clock says', () => {
  const range = { kind: 'custom', fromMs: Date.parse('2025-03-01T00:00:00Z'), toMs: Date.parse('2025-03-01T06:00:00Z') } as const;
  const early = resolveRange(range, NOW);
  const late = resolveRange(range, NOW + 86_400_000);
  assert.deepEqual(early, late);
  assert.equal(early.relative, false);
  assert.equal(early.from, '2025-03-01T00:00:00.000Z');
  assert.equal(rangeSpanMs(range), 6 * 3_600_000);
});

test('relative windows are asked of the live socket in the API syntax, fixed ones not at all', () => {
  assert.equal(relativeFrom({ kind: 'preset', preset: '15m' }), '-15m');
  assert.equal(relativeFrom({ kind: 'preset', preset: '7d' }), '-168h');
  assert.equal(relativeFrom({ kind: 'custom', fromMs: 0, toMs: 1000 }), null);
});
