import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionLife } from './connection-life.ts';
import { openTestStore, stagingLines } from './test-store.ts';

test("a connection's life holds each of its streams and its lines in order", (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const life = connectionLife(s.store, 'conn_1732190000000_k3j2h1g0f');
  assert.ok(life);
  assert.equal(life.streams.length, 2);
  assert.deepEqual(life.streams.map((x) => [x.reconnect, x.closedAt]), [
    [false, '2026-11-20T09:00:05.000Z'],
    [true, '2026-11-20T09:00:12.000Z'],
  ]);
  assert.equal(life.streams[0]?.firstTokenMs, 84);
  assert.equal(life.streams[0]?.durationMs, 3900);
  assert.deepEqual(life.events.map((e) => e.type), ['stream.open', 'stream.first-token', 'stream.close', 'stream.reconnect', 'stream.close']);
});

test('a stream never closed is stale five minutes after its open, by the logs clock', (t) => {
  const s = openTestStore([
    '2026-11-20T09:00:01Z app[5683606c41098e] sin [info][Stream] Starting stream: conn_1732190000001_aaaaaaaaa, query: "hi"',
    '2026-11-20T09:04:00Z app[5683606c41098e] sin [info]still here',
  ]);
  t.after(() => s.cleanup());
  assert.equal(connectionLife(s.store, 'conn_1732190000001_aaaaaaaaa')?.streams[0]?.stale, false);
  s.ingest(['2026-11-20T09:06:02Z app[5683606c41098e] sin [info]later']);
  assert.equal(connectionLife(s.store, 'conn_1732190000001_aaaaaaaaa')?.streams[0]?.stale, true);
});

test('an id the store never saw has no life', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  assert.equal(connectionLife(s.store, 'conn_0_unknown'), null);
});
