import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/test-app.ts';
import { describeError } from './describe-error.ts';
import type { ApiError } from '../../core/api.ts';

test('an unknown route is a 404 in the error shape', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  for (const [method, url] of [['GET', '/api/nothing'], ['POST', '/api/events'], ['DELETE', '/healthz']] as const) {
    const res = await app.inject({ method, url });
    assert.equal(res.statusCode, 404, `${method} ${url}`);
    assert.equal(res.json<ApiError>().error.code, 'not-found');
  }
});

test('an address that does not decode is a 400 that does not quote it', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/api/connections/%E0%A4%A' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ApiError>().error.code, 'bad-url');
  assert.doesNotMatch(res.body, /%E0/);
});

test('a failure inside a route answers 500 without its message or stack', async (t) => {
  const { app, seeded, close } = testApp();
  t.after(close);
  await app.ready();
  // A store that went away under the server: the query throws a TypeError naming the database.
  seeded.store.db.exec('DROP VIEW events');
  const res = await app.inject({ method: 'GET', url: '/api/events?q=jane@example.com' });
  assert.equal(res.statusCode, 500);
  assert.deepEqual(Object.keys(res.json<ApiError>().error), ['code', 'message']);
  assert.equal(res.json<ApiError>().error.code, 'internal');
  assert.doesNotMatch(res.body, /events|stack|at |jane/);
});

test('a body that is not JSON is a 415 or a 400 that names no input', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  const xml = await app.inject({ method: 'POST', url: '/api/findings/1/status', headers: { 'content-type': 'application/xml' }, payload: '<status>resolved</status>' });
  assert.equal(xml.statusCode, 415);
  assert.equal(xml.json<ApiError>().error.code, 'unsupported-media-type');
  const text = await app.inject({ method: 'POST', url: '/api/findings/1/status', headers: { 'content-type': 'text/plain' }, payload: 'status=resolved' });
  assert.deepEqual(text.json<ApiError>(), { error: { code: 'bad-request', message: 'body must be object' } });
  const empty = await app.inject({ method: 'POST', url: '/api/findings/1/status', headers: { 'content-type': 'application/json' }, payload: '' });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json<ApiError>().error.code, 'empty-body');
});

test('SQLite saying busy becomes a 503 to retry', () => {
  assert.deepEqual(describeError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })), {
    status: 503,
    code: 'store-busy',
    message: 'the database is busy: retry in a moment',
  });
});
