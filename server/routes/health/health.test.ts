import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, TEST_NOW } from '../../testing/test-app.ts';
import type { Health } from '../../../core/api.ts';

test('healthz answers 200 with the source, the store and the lag while ingest runs', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  const health = res.json<Health>();
  assert.equal(health.status, 'ok');
  assert.equal(health.reason, null);
  assert.equal(health.source.state, 'running');
  assert.equal(health.store.writable, true);
  assert.equal(health.lagSeconds, (TEST_NOW - Date.parse('2026-11-20T09:01:00Z')) / 1000);
  assert.equal(health.version, '0.1.0-test');
});

test('healthz answers 503 with the reason when the source is stalled', async (t) => {
  const { app, live, close } = testApp();
  t.after(close);
  live.changeSource({ state: 'stalled', reason: 'no output from fly logs for 120 s' });
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.match(res.json<Health>().reason ?? '', /file source is stalled: no output from fly logs/);
});

test('healthz answers 503 when the store cannot be written', async (t) => {
  const { app, live, close } = testApp();
  t.after(close);
  live.store = { ...live.store, writable: false, reason: 'database or disk is full' };
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json<Health>().status, 'degraded');
  assert.match(res.json<Health>().reason ?? '', /store cannot be written: database or disk is full/);
});

test('healthz needs no token even when the service has one', async (t) => {
  const { app, close } = testApp({ token: 'correct-horse-battery-staple-0123456789' });
  t.after(close);
  assert.equal((await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'recorder.fly.dev' } })).statusCode, 200);
});
