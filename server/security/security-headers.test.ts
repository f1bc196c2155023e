import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/test-app.ts';

test('every answer carries the content security policy and the hardening headers, errors too', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  for (const url of ['/', '/api/events', '/nowhere', '/healthz']) {
    const res = await app.inject({ method: 'GET', url });
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /connect-src 'self' ws: wss:/);
    assert.match(csp, /img-src 'self' data:/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  }
  assert.equal((await app.inject({ method: 'GET', url: '/api/events' })).headers['cache-control'], 'no-store');
});

test('without a built dashboard, / says how to build it', async (t) => {
  const { app, close } = testApp({ webDist: '/tmp/<no-such>/dist' });
  t.after(close);
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /npm run build:web/);
  assert.match(res.body, /&lt;no-such&gt;/);
  assert.doesNotMatch(res.body, /<no-such>/);
});
