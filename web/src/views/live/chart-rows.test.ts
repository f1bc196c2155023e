import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartDomain, deployMarks, gapAreas, proxyBars, toChartRows } from './chart-rows.ts';
import { seriesRow } from '../../testing/fixtures.ts';

const at = (time: string): number => Date.parse(time);
const domain = { from: at('2025-03-10T13:00:00Z'), to: at('2025-03-10T14:00:00Z') };

test('each bucket gets its own error rate: errors over opened plus failed', () => {
  const rows = toChartRows([
    seriesRow('2025-03-10T13:00:00Z', { opened: 95, failed: 5, errors: 7 }),
    seriesRow('2025-03-10T13:01:00Z', { opened: 0, failed: 0, errors: 0 }),
    seriesRow('2025-03-10T13:02:00Z', { opened: 0, failed: 0, errors: 2 }),
  ]);
  assert.equal(rows[0]?.errorRate, 0.07);
  assert.equal(rows[1]?.errorRate, null, 'a bucket without attempts has no rate, not 0 %');
  assert.equal(rows[2]?.errorRate, null);
});

test('rows are put in time order and rows with unreadable times are left out', () => {
  const rows = toChartRows([seriesRow('2025-03-10T13:02:00Z'), seriesRow('garbage'), seriesRow('2025-03-10T13:01:00Z')]);
  assert.deepEqual(rows.map((row) => row.t), [at('2025-03-10T13:01:00Z'), at('2025-03-10T13:02:00Z')]);
});

test('latency gaps stay null so the line breaks instead of dropping to zero', () => {
  const [row] = toChartRows([seriesRow('2025-03-10T13:00:00Z')]);
  assert.equal(row?.firstTokenP50, null);
  assert.equal(row?.interTokenAvg, null);
});

test('a gap is clipped to the chart and overlapping gaps are shaded as one area with both reasons', () => {
  const areas = gapAreas(
    [
      { from: '2025-03-10T13:40:00Z', to: '2025-03-10T13:50:00Z', reason: 'fly logs restarted' },
      { from: '2025-03-10T12:50:00Z', to: '2025-03-10T13:05:00Z', reason: 'source down' },
      { from: '2025-03-10T13:45:00Z', to: '2025-03-10T14:10:00Z', reason: 'source down' },
    ],
    domain,
  );
  assert.deepEqual(areas, [
    { x1: domain.from, x2: at('2025-03-10T13:05:00Z'), reasons: ['source down'] },
    { x1: at('2025-03-10T13:40:00Z'), x2: domain.to, reasons: ['fly logs restarted', 'source down'] },
  ]);
});

test('gaps outside the chart, empty or unreadable are not drawn', () => {
  const areas = gapAreas(
    [
      { from: '2025-03-10T11:00:00Z', to: '2025-03-10T12:00:00Z', reason: 'before' },
      { from: '2025-03-10T13:10:00Z', to: '2025-03-10T13:10:00Z', reason: 'empty' },
      { from: 'x', to: '2025-03-10T13:10:00Z', reason: 'bad' },
    ],
    domain,
  );
  assert.deepEqual(areas, []);
});

test('only deploys inside the chart are drawn, in time order', () => {
  const marks = deployMarks(
    [
      { at: '2025-03-10T13:30:00Z', instance: 'b', summary: 'machine started' },
      { at: '2025-03-10T12:30:00Z', instance: 'a', summary: 'before the window' },
      { at: '2025-03-10T13:10:00Z', instance: 'a', summary: 'machine started' },
    ],
    domain,
  );
  assert.deepEqual(marks.map((mark) => mark.instance), ['a', 'b']);
});

test('the chart spans the report window, or its rows when the window is unbounded', () => {
  const rows = toChartRows([seriesRow('2025-03-10T13:00:00Z'), seriesRow('2025-03-10T13:30:00Z')]);
  assert.deepEqual(chartDomain({ from: '2025-03-10T13:00:00Z', to: '2025-03-10T14:00:00Z' }, rows), domain);
  assert.deepEqual(chartDomain({ from: null, to: null }, rows), { from: at('2025-03-10T13:00:00Z'), to: at('2025-03-10T13:30:00Z') });
  assert.equal(chartDomain({ from: null, to: null }, []), null);
});

test('proxy codes are listed largest first, zero counts left out', () => {
  assert.deepEqual(proxyBars({ PR04: 2, PC01: 9, PM05: 0, PA01: 2 }), [
    { code: 'PC01', count: 9 },
    { code: 'PA01', count: 2 },
    { code: 'PR04', count: 2 },
  ]);
});
