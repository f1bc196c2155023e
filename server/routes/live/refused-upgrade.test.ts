import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testApp } from '../../testing/test-app.ts';

const TOKEN = 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4';

/** A browser's upgrade request without the session cookie: what the page sends before its user signs in. */
function upgradeWithoutCookie(port: number): Promise<{ answer: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closedByServer: false });
    }, 2000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => {
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ answer, closedByServer: true });
    });
    socket.on('error', reject);
    socket.write(
      'GET /ws?from=-1h HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
  });
}

test('an upgrade refused for want of the token is answered 401 and its socket closed, so the service still stops', async () => {
  const { app, close } = testApp({ token: TOKEN });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const refused = await upgradeWithoutCookie(port);
  assert.match(refused.answer, /^HTTP\/1\.1 401 /);
  assert.equal(refused.closedByServer, true, 'the server closes a refused upgrade socket instead of keeping it open');
  const closing = close().then(() => 'closed');
  const outcome = await Promise.race([closing, new Promise((resolve) => setTimeout(() => resolve('still open'), 3000).unref())]);
  assert.equal(outcome, 'closed');
});
