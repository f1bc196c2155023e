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

test('healthz needs no token even when the service has one, and tells such callers states, not names or paths', async (t) => {
  const token = 'correct-horse-battery-staple-0123456789';
  const { app, live, close } = testApp({ token });
  t.after(close);
  const anonymous = await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'recorder.fly.dev' } });
  assert.equal(anonymous.statusCode, 200);
  const full = app.health.current();
  assert.deepEqual(anonymous.json(), {
    status: 'ok',
    reason: null,
    source: { kind: full.source.kind, state: 'running', restarts: full.source.restarts, lastRestartAt: full.source.lastRestartAt, lastEntryAt: full.source.lastEntryAt },
    store: { writable: true },
    lagSeconds: full.lagSeconds,
    version: '0.1.0-test',
  });
  assert.ok(!anonymous.body.includes(full.store.path) && !anonymous.body.includes(full.source.target));

  const withToken = await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'recorder.fly.dev', authorization: `Bearer ${token}` } });
  assert.deepEqual(withToken.json(), full);

  live.changeSource({ state: 'stalled', reason: `no output from fly logs for ${full.source.target}` });
  const stalled = await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'recorder.fly.dev' } });
  assert.equal(stalled.statusCode, 503);
  assert.equal(stalled.json<{ reason: string }>().reason, `the ${full.source.kind} source is stalled`);
});
