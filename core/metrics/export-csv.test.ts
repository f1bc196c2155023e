import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, exportCsv } from './export-csv.ts';
import { sampleReport } from './sample-report.ts';
import type { SeriesRow } from '../report.ts';

/** RFC 4180, read back: enough to check that every row has the header's width. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const row = (t: string, changes: Partial<SeriesRow> = {}): SeriesRow => ({
  t, opened: 10, failed: 1, errors: 2, violations: 0, firstTokenP50: 80, firstTokenP95: 120.5, interTokenAvg: null, active: 3,
  closed: 9, reconnects: 1, proxyErrors: 0, testViolations: 0, entries: 140, incomplete: false, ...changes,
});

test('a series exports as bucket_start,metric,value: one header, one row per bucket and metric, nulls empty', () => {
  const csv = exportCsv(sampleReport({ series: [row('2026-11-20T09:00:00.000Z'), row('2026-11-20T09:01:00.000Z', { opened: 0 })], bucket: '1m' }), 'series');
  assert.ok(csv.endsWith('\r\n'));
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['bucket_start', 'metric', 'value']);
  assert.equal(rows.length, 1 + 2 * 14);
  assert.ok(rows.every((r) => r.length === 3));
  assert.deepEqual(rows[1], ['2026-11-20T09:00:00.000Z', 'opened', '10']);
  assert.ok(rows.some((r) => r[0] === '2026-11-20T09:00:00.000Z' && r[1] === 'interTokenAvg' && r[2] === ''));
  assert.ok(rows.some((r) => r[0] === '2026-11-20T09:01:00.000Z' && r[1] === 'opened' && r[2] === '0'));
  assert.ok(rows.some((r) => r[1] === 'firstTokenP95' && r[2] === '120.5'));
});

test('a summary exports as metric,value, one row per figure, rectangular', () => {
  const report = sampleReport({ proxy: { errors: 3, byCode: { PC01: 2, PM05: 1 } } });
  const rows = parseCsv(exportCsv(report, 'summary'));
  assert.deepEqual(rows[0], ['metric', 'value']);
  assert.ok(rows.every((r) => r.length === 2));
  const value = (metric: string): string | undefined => rows.find((r) => r[0] === metric)?.[1];
  assert.equal(value('connections.attempts'), '600');
  assert.equal(value('latency.firstTokenMs.p95'), '125');
  assert.equal(value('proxy.byCode.PM05'), '1');
  assert.equal(value('targets.error-rate.pass'), 'true');
  assert.equal(value('targets.error-rate.reason'), '');
  assert.equal(value('rateLimit.topKeys.1.key'), 'user:ratelimit-test');
  assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'metric names are unique');
});

test('log text that a spreadsheet would run as a formula is neutralised, and quoted per RFC 4180', () => {
  const incidents = [
    { id: 'x', from: 'a', to: 'b', kind: 'rate-limit-burst', summary: '=HYPERLINK("http://evil","click"), then "more"', figures: {}, samples: [] },
    { id: 'y', from: 'a', to: 'b', kind: 'error-rate', summary: 'line one\nline two', figures: {}, samples: [] },
  ];
  const keys = ['+cmd', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'].map((key) => ({ key, count: 1, test: false }));
  const report = sampleReport({ incidents, rateLimit: { violations: 5, perHour: 5, testTraffic: 0, topKeys: keys } });
  const rows = parseCsv(exportCsv(report, 'summary'));
  const value = (metric: string): string | undefined => rows.find((r) => r[0] === metric)?.[1];
  assert.equal(value('incidents.1.summary'), `'=HYPERLINK("http://evil","click"), then "more"`);
  assert.equal(value('incidents.2.summary'), 'line one\nline two');
  assert.deepEqual([1, 2, 3, 4, 5].map((i) => value(`rateLimit.topKeys.${i}.key`)), ["'+cmd", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR"]);
  assert.ok(rows.every((r) => r.length === 2));
});

test('cells: numbers stay numbers, text is quoted only when it must be', () => {
  assert.equal(csvCell(-3.5), '-3.5');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('-x'), "'-x");
});
