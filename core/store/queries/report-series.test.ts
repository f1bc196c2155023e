import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StagingLog, storeWith } from './staging-log.ts';
import { buildReport } from './build-report.ts';
import { StoreWriter } from '../store-writer.ts';
import type { SeriesRow } from '../../report.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const at = (sec: number): number => START + sec * 1000;

/** Activity in the third and the eighth minute of a ten-minute window, nothing in between. */
function twoBusyMinutes(): StagingLog {
  const log = new StagingLog(START);
  [40, 60, 80].forEach((ms, i) => {
    const conn = `conn_s_${i}`;
    log.open(125 + i, conn).complete(130 + i, conn, { durationMs: 5000, tokens: 11, firstTokenMs: ms });
  });
  log.fail(150, null, { error: 'Missing query parameter' }).backendError(155);
  log.open(430, 'conn_s_0').complete(440, 'conn_s_0', { durationMs: 10000, tokens: 21, firstTokenMs: 100 });
  log.rateLimit(445, 'ratelimit-test').rateLimit(446, 'alice').proxyError(447, 'PC01');
  log.open(450, 'conn_s_open');
  return log;
}

test('every bucket of the window has a row, empty ones with zero counts and null latencies', (t) => {
  const store = storeWith(twoBusyMinutes());
  t.after(() => store.close());
  const r = buildReport(store, { fromMs: at(0), toMs: at(600) });
  assert.equal(r.bucket, '1m');
  assert.deepEqual(r.series.map((row) => row.t), Array.from({ length: 10 }, (_, i) => new Date(at(i * 60)).toISOString()));

  const third = r.series[2] as SeriesRow;
  assert.deepEqual(
    [third.opened, third.failed, third.errors, third.closed, third.firstTokenP50, third.firstTokenP95, third.interTokenAvg, third.active],
    [3, 1, 2, 3, 60, 78, 494, 0],
  );
  const eighth = r.series[7] as SeriesRow;
  assert.deepEqual(
    [eighth.opened, eighth.reconnects, eighth.violations, eighth.testViolations, eighth.proxyErrors, eighth.firstTokenP50, eighth.interTokenAvg, eighth.active],
    [2, 1, 2, 1, 1, 100, 495, 1],
  );
  for (const i of [0, 1, 3, 4, 5, 6]) {
    const row = r.series[i] as SeriesRow;
    assert.deepEqual([row.opened, row.failed, row.errors, row.violations, row.closed, row.active], [0, 0, 0, 0, 0, 0], `minute ${i}`);
    assert.deepEqual([row.firstTokenP50, row.firstTokenP95, row.interTokenAvg], [null, null, null], `minute ${i}`);
  }
  assert.equal((r.series[9] as SeriesRow).active, 1, 'the stream opened at 09:07:30 is still open at 09:10');
});

test('the rows of a series add up to the totals of the report', (t) => {
  const store = storeWith(twoBusyMinutes());
  t.after(() => store.close());
  const r = buildReport(store, { fromMs: at(0), toMs: at(600), bucket: '5m' });
  assert.equal(r.series.length, 2);
  const sum = (key: 'opened' | 'failed' | 'errors' | 'violations' | 'closed' | 'reconnects' | 'proxyErrors' | 'entries'): number =>
    r.series.reduce((n, row) => n + (row[key] ?? 0), 0);
  assert.equal(sum('opened'), r.connections.opened);
  assert.equal(sum('failed'), r.connections.failed);
  assert.equal(sum('errors'), r.errors.count);
  assert.equal(sum('violations'), r.rateLimit.violations);
  assert.equal(sum('closed'), r.connections.closed);
  assert.equal(sum('reconnects'), r.connections.reconnects);
  assert.equal(sum('proxyErrors'), r.proxy.errors);
  assert.equal(sum('entries'), r.entries);
});

test('the bucket is chosen from the window: 1m up to 6 h, 5m up to 24 h, 1h beyond, and none gives no series', (t) => {
  const store = storeWith(new StagingLog(START).noise(0));
  t.after(() => store.close());
  const rows = (hours: number, bucket?: '1m' | '5m' | '1h' | 'none') =>
    buildReport(store, { fromMs: at(0), toMs: at(hours * 3600), ...(bucket ? { bucket } : {}) });
  assert.deepEqual([rows(6).bucket, rows(6).series.length], ['1m', 360]);
  assert.deepEqual([rows(7).bucket, rows(7).series.length], ['5m', 84]);
  assert.deepEqual([rows(24).bucket, rows(24).series.length], ['5m', 288]);
  assert.deepEqual([rows(25).bucket, rows(25).series.length], ['1h', 25]);
  assert.deepEqual([rows(1, '1h').bucket, rows(1, '1h').series.length], ['1h', 1]);
  assert.deepEqual([rows(1, 'none').bucket, rows(1, 'none').series], [null, []]);
});

test('buckets keep to the clock: a window starting inside a minute begins with that minute, counted from the window start', (t) => {
  const store = storeWith(new StagingLog(START).backendError(10).backendError(50).backendError(70));
  t.after(() => store.close());
  const r = buildReport(store, { fromMs: at(30), toMs: at(90) });
  assert.deepEqual(r.series.map((row) => [row.t, row.errors]), [['2026-11-20T09:00:00.000Z', 1], ['2026-11-20T09:01:00.000Z', 1]]);
});

test('a gap in the source marks the report and the buckets it overlaps as incomplete', (t) => {
  const store = storeWith(twoBusyMinutes());
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  writer.transaction(() => writer.insertGap(at(190), at(250), 'fly logs was down for 60 s, longer than its replay covers'));

  const r = buildReport(store, { fromMs: at(0), toMs: at(600) });
  assert.equal(r.incomplete, true);
  assert.deepEqual(r.gaps, [{ from: '2026-11-20T09:03:10.000Z', to: '2026-11-20T09:04:10.000Z', reason: 'fly logs was down for 60 s, longer than its replay covers' }]);
  assert.deepEqual(r.series.map((row) => row.incomplete), [false, false, false, true, true, false, false, false, false, false]);
  const clean = buildReport(store, { fromMs: at(300), toMs: at(600) });
  assert.equal(clean.incomplete, false);
  assert.deepEqual(clean.gaps, []);
});
