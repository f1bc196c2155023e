import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReportSource, coversSpan, refreshInterval } from './report-source.ts';
import { report } from '../testing/fixtures.ts';

const lastHour = { kind: 'preset', preset: '1h' } as const;
const hourReport = report({ window: { from: '2025-03-10T13:00:00.000Z', to: '2025-03-10T14:00:00.000Z' } });

test('the last hour follows the live report when the socket serves an hour', () => {
  assert.deepEqual(chooseReportSource(lastHour, hourReport, true), { kind: 'live' });
});

test('the last 24 hours are fetched and refreshed when the socket serves only an hour', () => {
  assert.deepEqual(chooseReportSource({ kind: 'preset', preset: '24h' }, hourReport, true), { kind: 'fetch', refreshMs: 60_000 });
});

test('without a connected socket a relative window is fetched and refreshed', () => {
  assert.deepEqual(chooseReportSource(lastHour, hourReport, false), { kind: 'fetch', refreshMs: 10_000 });
  assert.deepEqual(chooseReportSource(lastHour, null, true), { kind: 'fetch', refreshMs: 10_000 });
});

test('a fixed window is fetched once and never refreshed', () => {
  const range = { kind: 'custom', fromMs: Date.parse('2025-03-10T13:00:00Z'), toMs: Date.parse('2025-03-10T14:00:00Z') } as const;
  assert.deepEqual(chooseReportSource(range, hourReport, true), { kind: 'fetch', refreshMs: null });
});

test('a live report whose edges are rounded to the bucket still covers the span', () => {
  const rounded = report({ window: { from: '2025-03-10T13:00:00.000Z', to: '2025-03-10T14:00:45.000Z' } });
  assert.equal(coversSpan(rounded, 3_600_000), true);
  const unbounded = report({ window: { from: null, to: null } });
  assert.equal(coversSpan(unbounded, 3_600_000), false);
});

test('refreshes are never more often than every 5 s nor rarer than every minute', () => {
  assert.equal(refreshInterval(15 * 60_000), 5_000);
  assert.equal(refreshInterval(7 * 86_400_000), 60_000);
});
