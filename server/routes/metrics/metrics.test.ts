import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/test-app.ts';
import type { StoredEvent } from '../../../core/events/event.ts';

const event = (id: number, type: StoredEvent['type'], data: StoredEvent['data'], key: string | null = null): StoredEvent => ({
  id, time: '2026-11-20T09:05:00.000Z', type, level: 'info', instance: '5683606c41098e', connectionId: 'conn_1', key, test: false, summary: '…', data, entryId: id,
});

test('metrics count committed entries and events by instance and kind, with latency histograms', async (t) => {
  const { app, live, close } = testApp();
  t.after(close);
  await app.ready();
  live.commit({
    entries: 3,
    duplicates: 1,
    events: [
      event(100, 'stream.first-token', { ms: 84 }),
      event(101, 'stream.close', { via: 'complete', durationMs: 3900, tokens: 42, firstTokenMs: null }),
      event(102, 'ratelimit.violation', { via: 'warn' }, 'user:al…5'),
    ],
  });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/plain/);
  assert.match(res.body, /^flight_recorder_entries_total 3$/m);
  assert.match(res.body, /^flight_recorder_duplicate_entries_total 1$/m);
  assert.match(res.body, /^flight_recorder_events_total\{instance="5683606c41098e",kind="ratelimit.violation"\} 1$/m);
  assert.match(res.body, /^flight_recorder_first_token_seconds_bucket\{le="0.1",instance="5683606c41098e"\} 1$/m);
  assert.match(res.body, /^flight_recorder_stream_duration_seconds_sum\{instance="5683606c41098e"\} 3.9$/m);
  assert.match(res.body, /^flight_recorder_source_up 1$/m);
  assert.doesNotMatch(res.body, /user:|al…5|key=/);
});

test('two apps in one process keep separate counters', async (t) => {
  const a = testApp();
  const b = testApp();
  t.after(async () => {
    await a.close();
    await b.close();
  });
  await a.app.ready();
  await b.app.ready();
  a.live.commit({ entries: 5 });
  assert.match((await b.app.inject({ method: 'GET', url: '/metrics' })).body, /^flight_recorder_entries_total 0$/m);
  assert.match((await a.app.inject({ method: 'GET', url: '/metrics' })).body, /^flight_recorder_entries_total 5$/m);
});
