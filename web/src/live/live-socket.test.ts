import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLiveSocket, type LiveConnection, type SocketHandlers } from './live-socket.ts';
import { createManualScheduler } from '../testing/manual-scheduler.ts';
import type { LiveMessage } from '../../../core/api.ts';

function harness() {
  const scheduler = createManualScheduler();
  const sockets: Array<{ url: string; handlers: SocketHandlers; closed: boolean }> = [];
  const states: LiveConnection[] = [];
  const messages: LiveMessage[] = [];
  let probes = 0;
  let url = '/ws?from=-1h';
  const live = createLiveSocket({
    url: () => url,
    scheduler,
    random: () => 0,
    createSocket(socketUrl, handlers) {
      const entry = { url: socketUrl, handlers, closed: false };
      sockets.push(entry);
      return { close: () => { entry.closed = true; } };
    },
    onMessage: (message) => messages.push(message),
    onConnection: (state) => states.push(state),
    onHandshakeFailure: () => probes++,
  });
  return { scheduler, sockets, states, messages, live, probes: () => probes, setUrl: (next: string) => { url = next; } };
}

const last = <T>(list: T[]): T => list[list.length - 1] as T;
const metrics = '{"type":"metrics","report":{}}';

test('a dropped connection is retried after growing waits until a message arrives', () => {
  const h = harness();
  h.live.start();
  for (const expected of [500, 1000, 2000, 4000]) {
    last(h.sockets).handlers.close();
    assert.equal(last(h.states).phase, 'waiting');
    assert.equal(last(h.states).retryAt, h.scheduler.now() + expected);
    const before = h.sockets.length;
    h.scheduler.advance(expected - 1);
    assert.equal(h.sockets.length, before, 'no retry before the wait is over');
    h.scheduler.advance(1);
    assert.equal(h.sockets.length, before + 1);
  }
  last(h.sockets).handlers.open();
  last(h.sockets).handlers.message(metrics);
  last(h.sockets).handlers.close();
  assert.equal(last(h.states).retryAt, h.scheduler.now() + 500, 'a connection that delivered starts again from the shortest wait');
});

test('messages reach the page and unreadable frames are skipped', () => {
  const h = harness();
  h.live.start();
  last(h.sockets).handlers.open();
  assert.equal(last(h.states).phase, 'live');
  last(h.sockets).handlers.message('not json');
  last(h.sockets).handlers.message(metrics);
  assert.deepEqual(h.messages.map((message) => message.type), ['metrics']);
});

test('a socket that closes before opening asks the page to probe for a token, once per streak', () => {
  const h = harness();
  h.live.start();
  last(h.sockets).handlers.close();
  h.scheduler.advance(500);
  last(h.sockets).handlers.close();
  assert.equal(h.probes(), 1);
});

test('while paused nothing reconnects; a restart connects at once with the current address', () => {
  const h = harness();
  h.live.start();
  h.live.pause();
  assert.equal(h.sockets[0]?.closed, true);
  h.sockets[0]?.handlers.close();
  h.scheduler.advance(60_000);
  assert.equal(h.sockets.length, 1);
  h.setUrl('/ws?from=-6h');
  h.live.restart();
  assert.equal(h.sockets.length, 2);
  assert.equal(last(h.sockets).url, '/ws?from=-6h');
});

test('a late close of a replaced socket does not schedule a second connection', () => {
  const h = harness();
  h.live.start();
  const first = h.sockets[0]!;
  h.live.restart();
  first.handlers.close();
  h.scheduler.advance(60_000);
  assert.equal(h.sockets.length, 2);
  assert.deepEqual(h.scheduler.pending(), []);
});

test('a stopped socket stays stopped', () => {
  const h = harness();
  h.live.start();
  h.live.stop();
  assert.equal(last(h.states).phase, 'stopped');
  h.scheduler.advance(60_000);
  assert.equal(h.sockets.length, 1);
});
