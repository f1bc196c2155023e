import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, TEST_NOW } from '../../testing/test-app.ts';
import { buildReport } from '../../../core/store/queries/build-report.ts';
import type { Report } from '../../../core/report.ts';
import type { ApiError } from '../../../core/api.ts';

test('the report answers the same JSON as the CLI, over the whole store by default', async (t) => {
  const { app, seeded, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /application\/json/);
  assert.deepEqual(res.json<Report>(), JSON.parse(JSON.stringify(buildReport(seeded.store, { fromMs: null, toMs: null }))));
  assert.equal(res.json<Report>().connections.reconnects, 1);
});

test('a relative window is taken back from now', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report?from=-15m&to=now&bucket=5m' });
  assert.equal(res.statusCode, 200);
  const report = res.json<Report>();
  assert.equal(report.window.from, new Date(TEST_NOW - 15 * 60_000).toISOString());
  assert.equal(report.window.to, new Date(TEST_NOW).toISOString());
  assert.equal(report.entries, 13);
});

test('a time that does not parse is a 400 that does not repeat it', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report?from=yesterday%20at%20alice@example.com' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ApiError>().error.code, 'bad-time');
  assert.doesNotMatch(res.body, /alice|yesterday/);
});

test('an unknown bucket is refused with the parameter named', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report?bucket=7m' });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json<ApiError>(), { error: { code: 'bad-request', message: 'querystring.bucket must be equal to one of the allowed values' } });
});

test('from after to is refused', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report?from=2026-11-20T10:00:00Z&to=2026-11-20T09:00:00Z' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ApiError>().error.message, 'from must be before to');
});

test('a window too long for its bucket is refused with what to change', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/report?from=1990-01-01&bucket=1m' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ApiError>().error.code, 'too-many-buckets');
});

test('a series is built in the buckets asked for', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const report = (await app.inject({ method: 'GET', url: '/api/report?from=2026-11-20T09:00:00Z&to=2026-11-20T10:00:00Z&bucket=5m' })).json<Report>();
  assert.equal(report.series.length, 12);
  assert.equal(report.series[0]?.opened, 2, 'the open and the reconnect');
});

test('the Markdown and CSV exports come as downloads of the same report', async (t) => {
  const { app, close } = testApp({ reportEnvironment: 'Staging (nuzantara-backend.fly.dev)' });
  t.after(close);
  const md = await app.inject({ method: 'GET', url: '/api/report.md?from=-1h' });
  assert.equal(md.statusCode, 200);
  assert.equal(md.headers['content-type'], 'text/markdown; charset=utf-8');
  assert.equal(md.headers['content-disposition'], 'attachment; filename="flight-recorder-report-2026-11-20T0910Z.md"');
  assert.match(md.body, /^# SSE Streaming Staging Test Report/);
  assert.match(md.body, /Environment: Staging \(nuzantara-backend\.fly\.dev\)/);
  const csv = await app.inject({ method: 'GET', url: '/api/report.csv?from=2026-11-20T09:00:00Z&to=2026-11-20T09:10:00Z&bucket=5m' });
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(csv.body, /^bucket_start,metric,value\r\n/);
  const summary = await app.inject({ method: 'GET', url: '/api/report.csv?bucket=none' });
  assert.match(summary.body, /^metric,value\r\n/);
  const bad = await app.inject({ method: 'GET', url: '/api/report.csv?to=soon' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /application\/json/);
});
