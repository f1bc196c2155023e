import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { testApp } from '../testing/test-app.ts';

test('behind one trusted proxy, clients are counted by the address the proxy adds, not one they wrote', async (t) => {
  const { app, close } = testApp({ trustedProxies: 1, rateLimits: { general: { capacity: 2, refillPerSecond: 0.01 } } });
  t.after(close);
  // What Fly's proxy sends: whatever the client claimed, then the address it saw the client at.
  const from = (client: string, claimed?: string) =>
    app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': claimed === undefined ? client : `${claimed}, ${client}` } });
  assert.deepEqual([(await from('203.0.113.7')).statusCode, (await from('203.0.113.7')).statusCode, (await from('203.0.113.7')).statusCode], [200, 200, 429]);
  assert.equal((await from('198.51.100.9')).statusCode, 200, 'another client has its own budget');
  assert.equal((await from('203.0.113.7', '192.0.2.1')).statusCode, 429, 'a claimed address does not buy a new budget');
});

test('without a trusted proxy, a forwarded-for header changes nothing', async (t) => {
  const { app, close } = testApp({ rateLimits: { general: { capacity: 1, refillPerSecond: 0.01 } } });
  t.after(close);
  const codes = [];
  for (const client of ['203.0.113.7', '198.51.100.9']) {
    codes.push((await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': client } })).statusCode);
  }
  assert.deepEqual(codes, [200, 429]);
});

test('the live socket opens through a trusted proxy (a real socket: the test harness has no peer address)', async (t) => {
  const { app, close } = testApp({ trustedProxies: 1 });
  t.after(close);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const status = await new Promise<number>((resolve, reject) => {
    const upgrade = request({
      host: '127.0.0.1',
      port,
      path: '/ws',
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'x-forwarded-for': '203.0.113.7',
      },
    });
    upgrade.once('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    upgrade.once('response', (response) => resolve(response.statusCode ?? 0));
    upgrade.once('error', reject);
    upgrade.end();
  });
  assert.equal(status, 101);
});
