import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/test-app.ts';
import { closeInjected } from '../testing/live-client.ts';
import { hostnameOfHeader, isLoopbackHost } from './loopback.ts';
import { assertSafeBind, UnsafeBindError } from './bind-policy.ts';
import type { ApiError } from '../../core/api.ts';

test('without a token, a Host that is not a loopback name is refused with 403 JSON', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  for (const host of ['evil.example', 'attacker.com:8080', '192.168.1.20:8080', '127.0.0.1.nip.io']) {
    const res = await app.inject({ method: 'GET', url: '/api/report', headers: { host } });
    assert.equal(res.statusCode, 403, host);
    assert.equal(res.json<ApiError>().error.code, 'forbidden-host');
    assert.match(res.json<ApiError>().error.message, /FLIGHT_RECORDER_TOKEN/);
  }
  for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', '127.0.0.2']) {
    assert.equal((await app.inject({ method: 'GET', url: '/healthz', headers: { host } })).statusCode, 200, host);
  }
});

test('with a token, any Host is served to whoever holds the token', async (t) => {
  const { app, close } = testApp({ token: 'a-long-random-token-0123456789' });
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/events', headers: { host: 'recorder.fly.dev', authorization: 'Bearer a-long-random-token-0123456789' } });
  assert.equal(res.statusCode, 200);
});

test('a page of another origin cannot open the live socket or post a review', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  await app.ready();
  await assert.rejects(app.injectWS('/ws', { headers: { host: 'localhost:8080', origin: 'http://evil.example' } }), /403/);
  const post = await app.inject({ method: 'POST', url: '/api/findings/1/status', headers: { host: 'localhost:8080', origin: 'http://evil.example' }, payload: { status: 'resolved' } });
  assert.equal(post.statusCode, 403);
  assert.equal(post.json<ApiError>().error.code, 'cross-origin');
  const same = await app.injectWS('/ws', { headers: { host: 'localhost:8080', origin: 'http://localhost:8080' } });
  await closeInjected(same);
});

test('loopback names and addresses are told from the rest', () => {
  for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '::', '10.0.0.1', 'fdaa::3', 'localhost.example.com', '128.0.0.1']) assert.equal(isLoopbackHost(h), false, h);
  assert.equal(hostnameOfHeader('[::1]:8080'), '::1');
  assert.equal(hostnameOfHeader('localhost:8080'), 'localhost');
  assert.equal(hostnameOfHeader('a:b:c'), null);
  assert.equal(hostnameOfHeader(undefined), null);
});

test('binding a public address without a token is refused with what to set', () => {
  assert.throws(() => assertSafeBind('0.0.0.0', null), (err: unknown) => err instanceof UnsafeBindError && /FLIGHT_RECORDER_TOKEN/.test(err.message));
  assert.throws(() => assertSafeBind('::', null), UnsafeBindError);
  assert.doesNotThrow(() => assertSafeBind('127.0.0.1', null));
  assert.doesNotThrow(() => assertSafeBind('0.0.0.0', 'secret-token'));
});
