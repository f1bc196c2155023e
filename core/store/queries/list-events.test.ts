import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listEvents } from './list-events.ts';
import { InvalidCursorError } from './page-cursor.ts';
import { openTestStore, stagingLines } from './test-store.ts';

test('events come newest first, with a cursor that walks every page exactly once', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const all = listEvents(s.store, {});
  assert.equal(all.items.length, 11);
  assert.equal(all.next, null);
  assert.deepEqual(all.items.map((e) => e.id), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

  const seen: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = listEvents(s.store, { limit: 4, cursor });
    seen.push(...page.items.map((e) => e.id));
    cursor = page.next;
    pages++;
  } while (cursor !== null);
  assert.equal(pages, 3);
  assert.deepEqual(seen, all.items.map((e) => e.id));
});

test('a reconnect is found by its type, and a family of types by its prefix', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const reconnects = listEvents(s.store, { type: 'stream.reconnect' }).items;
  assert.equal(reconnects.length, 1);
  assert.equal(reconnects[0]?.connectionId, 'conn_1732190000000_k3j2h1g0f');
  assert.deepEqual(reconnects[0]?.data, { reconnect: true });
  const platform = listEvents(s.store, { type: 'platform.*' }).items.map((e) => e.type);
  assert.deepEqual(platform, ['platform.proxy-error', 'platform.machine-start']);
});

test('a key filter matches by fingerprint and the answer shows only the masked key', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const byUser = listEvents(s.store, { key: 'user:alice' }).items;
  assert.equal(byUser.length, 1);
  assert.equal(byUser[0]?.key, 'user:al…5');
  assert.doesNotMatch(JSON.stringify(byUser[0]?.key), /alice/);
  assert.equal(listEvents(s.store, { key: 'alice' }).items.length, 1, 'the bare id finds the same key');
  assert.equal(listEvents(s.store, { key: 'user:bob' }).items.length, 0);
});

test('text search treats % and _ literally', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  assert.deepEqual(listEvents(s.store, { q: '100% busy_now' }).items.map((e) => e.type), ['stream.error']);
  assert.equal(listEvents(s.store, { q: '1_0%' }).items.length, 0, 'a wildcard would have matched "100% busy"');
  assert.equal(listEvents(s.store, { q: 'RATE LIMIT' }).items.length, 2, 'search ignores ASCII case');
});

test('filters combine: level, instance, connection and a time window', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  assert.equal(listEvents(s.store, { level: 'WARN', instance: 'e2862692b79d68' }).items.length, 3);
  assert.equal(listEvents(s.store, { connection: 'conn_1732190000000_k3j2h1g0f' }).items.length, 5);
  const window = listEvents(s.store, { fromMs: Date.parse('2026-11-20T09:00:05Z'), toMs: Date.parse('2026-11-20T09:00:20Z') });
  assert.deepEqual(window.items.map((e) => e.time), ['2026-11-20T09:00:12Z', '2026-11-20T09:00:10Z', '2026-11-20T09:00:05Z']);
});

test('a limit over 500 is held to 500 and a cursor from elsewhere is refused', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  assert.equal(listEvents(s.store, { limit: 10_000 }).items.length, 11);
  assert.throws(() => listEvents(s.store, { cursor: 'not a cursor!' }), InvalidCursorError);
  assert.throws(() => listEvents(s.store, { cursor: Buffer.from('x.y').toString('base64url') }), InvalidCursorError);
});
