import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../../testing/test-app.ts';
import type { ApiError } from '../../../core/api.ts';

function builtPage(): { dist: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fr-web-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>flight-recorder</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
  return { dist, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the built page is served at / and its hashed assets are cached for good', async (t) => {
  const page = builtPage();
  const { app, close } = testApp({ webDist: page.dist });
  t.after(async () => {
    await close();
    page.cleanup();
  });
  const index = await app.inject({ method: 'GET', url: '/' });
  assert.equal(index.statusCode, 200);
  assert.match(index.body, /<title>flight-recorder<\/title>/);
  assert.equal(index.headers['cache-control'], 'no-cache');
  assert.match(index.headers['content-security-policy'] as string, /script-src 'self'/);
  const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
  assert.equal(asset.statusCode, 200);
  assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
  const missing = await app.inject({ method: 'GET', url: '/assets/nope.js' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json<ApiError>().error.code, 'not-found');
  const traversal = await app.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' });
  assert.notEqual(traversal.statusCode, 200);
});

test('the page and its assets load without the token; the API behind them does not', async (t) => {
  const page = builtPage();
  const { app, close } = testApp({ webDist: page.dist, token: 'a-long-random-token-0123456789' });
  t.after(async () => {
    await close();
    page.cleanup();
  });
  const host = { host: 'recorder.fly.dev' };
  assert.equal((await app.inject({ method: 'GET', url: '/', headers: host })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: host })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/report', headers: host })).statusCode, 401);
});
