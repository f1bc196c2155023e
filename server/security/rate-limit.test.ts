import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/test-app.ts';
import { TokenBuckets } from './token-bucket.ts';
import type { ApiError } from '../../core/api.ts';

test('a client over its budget gets 429 JSON with Retry-After', async (t) => {
  const { app, close } = testApp({ rateLimits: { general: { capacity: 3, refillPerSecond: 0.5 } } });
  t.after(close);
  const codes: number[] = [];
  let last = await app.inject({ method: 'GET', url: '/healthz' });
  for (let i = 0; i < 4; i++) {
    last = await app.inject({ method: 'GET', url: '/healthz' });
    codes.push(last.statusCode);
  }
  assert.deepEqual(codes, [200, 200, 429, 429]);
  assert.equal(last.headers['retry-after'], '2');
  assert.equal(last.json<ApiError>().error.code, 'rate-limited');
});

test('token guesses at the session exchange run out long before the general budget', async (t) => {
  const { app, close } = testApp({ token: 'the-real-token-0123456789', rateLimits: { session: { capacity: 2, refillPerSecond: 0.1 } } });
  t.after(close);
  const guess = () => app.inject({ method: 'POST', url: '/api/session', headers: { host: 'x.fly.dev' }, payload: { token: 'guess' } });
  assert.equal((await guess()).statusCode, 401);
  assert.equal((await guess()).statusCode, 401);
  const third = await guess();
  assert.equal(third.statusCode, 429);
  assert.equal(third.headers['retry-after'], '10');
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});

test('a bucket refills with time and the table of clients stays bounded', () => {
  const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, 3);
  assert.equal(buckets.take('a', 0).allowed, true);
  assert.equal(buckets.take('a', 0).allowed, true);
  assert.deepEqual(buckets.take('a', 0), { allowed: false, retryAfterSeconds: 1 });
  assert.equal(buckets.take('a', 1000).allowed, true);
  for (const c of ['b', 'c', 'd', 'e']) buckets.take(c, 1000);
  assert.equal(buckets.size, 3);
});
