import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/test-app.ts';
import { openLive } from '../testing/live-client.ts';
import type { ApiError } from '../../core/api.ts';

const TOKEN = 'b3f1c0de-5a6e-4d2b-9c7f-0123456789ab';
const PUBLIC_HOST = { host: 'recorder.fly.dev' };

test('without credentials a data route answers 401 in the error shape', async (t) => {
  const { app, close } = testApp({ token: TOKEN });
  t.after(close);
  for (const url of ['/api/report', '/api/events', '/api/findings', '/metrics', '/api/connections/conn_1']) {
    const res = await app.inject({ method: 'GET', url, headers: PUBLIC_HOST });
    assert.equal(res.statusCode, 401, url);
    assert.equal(res.json<ApiError>().error.code, 'unauthorized');
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="flight-recorder"');
  }
});

test('the bearer token opens the API, a wrong one does not', async (t) => {
  const { app, close } = testApp({ token: TOKEN });
  t.after(close);
  const ok = await app.inject({ method: 'GET', url: '/api/events', headers: { ...PUBLIC_HOST, authorization: `Bearer ${TOKEN}` } });
  assert.equal(ok.statusCode, 200);
  const wrong = await app.inject({ method: 'GET', url: '/api/events', headers: { ...PUBLIC_HOST, authorization: `Bearer ${TOKEN.slice(0, -1)}x` } });
  assert.equal(wrong.statusCode, 401);
  const prefix = await app.inject({ method: 'GET', url: '/api/events', headers: { ...PUBLIC_HOST, authorization: `Bearer ${TOKEN.slice(0, 8)}` } });
  assert.equal(prefix.statusCode, 401);
});

test('the session exchange sets an HttpOnly SameSite=Strict cookie that is not the token and opens the API', async (t) => {
  const { app, close } = testApp({ token: TOKEN });
  t.after(close);
  const refused = await app.inject({ method: 'POST', url: '/api/session', headers: PUBLIC_HOST, payload: { token: 'guess' } });
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.headers['set-cookie'], undefined);

  const res = await app.inject({ method: 'POST', url: '/api/session', headers: { ...PUBLIC_HOST, 'x-forwarded-proto': 'https' }, payload: { token: TOKEN } });
  assert.equal(res.statusCode, 204);
  const setCookie = res.headers['set-cookie'] as string;
  assert.match(setCookie, /^flight_recorder_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/);
  assert.ok(!setCookie.includes(TOKEN));
  const cookie = setCookie.split(';')[0] as string;
  const withCookie = await app.inject({ method: 'GET', url: '/api/findings', headers: { ...PUBLIC_HOST, cookie: `theme=dark; ${cookie}` } });
  assert.equal(withCookie.statusCode, 200);
  const forged = await app.inject({ method: 'GET', url: '/api/findings', headers: { ...PUBLIC_HOST, cookie: `${cookie.slice(0, -2)}AA` } });
  assert.equal(forged.statusCode, 401);
});

test('the session cookie opens the live socket, and no cookie does not', async (t) => {
  const { app, close } = testApp({ token: TOKEN });
  t.after(close);
  await app.ready();
  await assert.rejects(app.injectWS('/ws', { headers: PUBLIC_HOST }), /401/);
  const res = await app.inject({ method: 'POST', url: '/api/session', headers: PUBLIC_HOST, payload: { token: TOKEN } });
  const cookie = (res.headers['set-cookie'] as string).split(';')[0] as string;
  const live = await openLive(app, '/ws', { ...PUBLIC_HOST, cookie });
  assert.equal((await live.next()).type, 'snapshot');
  await live.close();
});

test('the page itself loads without the token, so that it can ask for it', async (t) => {
  const { app, close } = testApp({ token: TOKEN });
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/', headers: PUBLIC_HOST });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
});

test('without a token there is nothing to sign in to: the session exchange answers 204 and sets nothing', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token: 'anything' } });
  assert.equal(res.statusCode, 204);
  assert.equal(res.headers['set-cookie'], undefined);
  assert.equal((await app.inject({ method: 'GET', url: '/api/findings' })).statusCode, 200);
});
