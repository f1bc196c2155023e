import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/test-app.ts';
import type { EventPage } from '../../../core/events/event.ts';
import type { ApiError, ConnectionLife } from '../../../core/api.ts';

test('events answer newest first and page with the cursor they give', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const first = await app.inject({ method: 'GET', url: '/api/events?limit=6' });
  assert.equal(first.statusCode, 200);
  const page = first.json<EventPage>();
  assert.equal(page.items.length, 6);
  assert.equal(page.items[0]?.type, 'stream.error');
  assert.ok(page.next);
  const second = (await app.inject({ method: 'GET', url: `/api/events?limit=6&cursor=${page.next}` })).json<EventPage>();
  assert.equal(second.items.length, 5);
  assert.equal(second.next, null);
  assert.equal(new Set([...page.items, ...second.items].map((e) => e.id)).size, 11);
});

test('events filter by type, key, level and text', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const get = async (query: string) => (await app.inject({ method: 'GET', url: `/api/events?${query}` })).json<EventPage>().items;
  assert.deepEqual((await get('type=stream.reconnect')).map((e) => e.connectionId), ['conn_1732190000000_k3j2h1g0f']);
  assert.deepEqual((await get('key=user%3Aalice')).map((e) => e.key), ['user:al…5']);
  assert.equal((await get('level=error')).length, 1);
  assert.equal((await get('q=refused%20connection')).length, 1);
  assert.equal((await get('from=2026-11-20T09:00:30Z&to=2026-11-20T09:00:50Z')).length, 2);
});

test('a limit over 500 and a foreign cursor are refused', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const tooMany = await app.inject({ method: 'GET', url: '/api/events?limit=501' });
  assert.equal(tooMany.statusCode, 400);
  assert.equal(tooMany.json<ApiError>().error.message, 'querystring.limit must be <= 500');
  const badCursor = await app.inject({ method: 'GET', url: '/api/events?cursor=abc' });
  assert.equal(badCursor.statusCode, 400);
  assert.equal(badCursor.json<ApiError>().error.code, 'bad-cursor');
});

test("a connection's life holds its streams and events; an unknown one is a 404", async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/connections/conn_1732190000000_k3j2h1g0f' });
  assert.equal(res.statusCode, 200);
  const life = res.json<ConnectionLife>();
  assert.equal(life.streams.length, 2);
  assert.equal(life.events.length, 5);
  const missing = await app.inject({ method: 'GET', url: '/api/connections/conn_0_nothing' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json<ApiError>().error.code, 'not-found');
});
