import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMs, formatPercent, latestSummary } from './chart-format.ts';
import { toChartRows } from './chart-rows.ts';
import { seriesRow } from '../../testing/fixtures.ts';

test('the chart summary reads the latest bucket that has data, skipping empty trailing buckets', () => {
  const rows = toChartRows([
    seriesRow('2025-03-10T13:00:00Z', { firstTokenP50: 80, firstTokenP95: 140 }),
    seriesRow('2025-03-10T13:01:00Z', { firstTokenP50: 87.25, firstTokenP95: null }),
    seriesRow('2025-03-10T13:02:00Z'),
  ]);
  const parts = [{ key: 'firstTokenP50', name: 'p50' }, { key: 'firstTokenP95', name: 'p95' }] as const;
  assert.equal(latestSummary(rows, parts, formatMs), 'Latest bucket: p50 87 ms.');
  assert.equal(latestSummary([], parts, formatMs), 'No data in this window.');
});

test('small rates keep a decimal, large ones do not', () => {
  assert.equal(formatPercent(0.013), '1.3 %');
  assert.equal(formatPercent(0.25), '25 %');
  assert.equal(formatMs(4.44), '4.4 ms');
});
