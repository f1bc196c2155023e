import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openTestStore, stagingLines } from '../../core/store/queries/test-store.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';
import type { ReportRequest } from '../../core/store/queries/build-report.ts';
import { ReportReader, ReportThreadError } from './report-reader.ts';
import { TooManyBucketsError } from '../../core/metrics/buckets.ts';

const at = (iso: string): number => Date.parse(iso);
const WINDOWS: ReportRequest[] = [
  { fromMs: null, toMs: null },
  { fromMs: at('2026-11-20T09:00:00Z'), toMs: at('2026-11-20T09:00:15Z') },
  { fromMs: at('2026-11-20T09:00:15Z'), toMs: at('2026-11-20T09:02:00Z'), bucket: 'none' },
];

test('reports from the report thread are the reports of this thread, each to its own request', async (t) => {
  const ts = openTestStore(stagingLines());
  t.after(() => ts.cleanup());
  const reader = new ReportReader(ts.path, () => assert.fail('the thread is up: no fallback'));
  t.after(() => reader.close());
  const reports = await Promise.all(WINDOWS.map((w) => reader.build(w)));
  assert.deepEqual(reports, WINDOWS.map((w) => buildReport(ts.store, w)));
  assert.notDeepEqual(reports[1], reports[2]);
  // It reads what is committed after it started: its own connection, not a copy.
  ts.ingest(['2026-11-20T09:01:30Z app[5683606c41098e] sin [info][Stream] Backend error: upstream busy again']);
  assert.deepEqual(await reader.build(WINDOWS[0] as ReportRequest), buildReport(ts.store, WINDOWS[0] as ReportRequest));
});

test('when the thread cannot read the store, the reports come from this thread and the loss is said once', async (t) => {
  const ts = openTestStore(stagingLines());
  t.after(() => ts.cleanup());
  const lost: string[] = [];
  const reader = new ReportReader(join(ts.dir, 'no-such.db'), (w) => buildReport(ts.store, w), (reason) => lost.push(reason));
  t.after(() => reader.close());
  const first = await Promise.all(WINDOWS.map((w) => reader.build(w)));
  assert.deepEqual(first, WINDOWS.map((w) => buildReport(ts.store, w)));
  assert.deepEqual(await reader.build(WINDOWS[1] as ReportRequest), buildReport(ts.store, WINDOWS[1] as ReportRequest));
  assert.equal(lost.length, 1);
});

test('a window with too many buckets fails as it does on this thread, so the caller can say what to change', async (t) => {
  const ts = openTestStore(stagingLines());
  t.after(() => ts.cleanup());
  const reader = new ReportReader(ts.path, () => assert.fail('the thread is up: no fallback'));
  t.after(() => reader.close());
  const tooLong: ReportRequest = { fromMs: at('1990-01-01T00:00:00Z'), toMs: at('2026-11-20T09:02:00Z'), bucket: '1m' };
  await assert.rejects(reader.build(tooLong), (err: unknown) => err instanceof TooManyBucketsError && /--bucket/.test(err.message));
  assert.throws(() => buildReport(ts.store, tooLong), TooManyBucketsError);
});

test('closing fails what is still waiting, and later reports come from this thread', async (t) => {
  const ts = openTestStore(stagingLines());
  t.after(() => ts.cleanup());
  const reader = new ReportReader(ts.path, (w) => buildReport(ts.store, w));
  const failed = assert.rejects(reader.build(WINDOWS[0] as ReportRequest), (err: unknown) => err instanceof ReportThreadError && /closing/.test(err.message));
  await reader.close();
  await failed;
  assert.deepEqual(await reader.build(WINDOWS[1] as ReportRequest), buildReport(ts.store, WINDOWS[1] as ReportRequest));
});
