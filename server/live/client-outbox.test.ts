import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientOutbox } from './client-outbox.ts';
import type { LiveClient } from './client-outbox.ts';

/** A socket that takes what it is given but whose network drains only when the test says so. */
class SlowSocket implements LiveClient {
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  private callbacks: Array<() => void> = [];
  send(data: string, callback?: (err?: Error) => void): void {
    this.sent.push(data);
    this.bufferedAmount += data.length;
    this.callbacks.push(() => callback?.());
  }
  close(): void {
    this.readyState = 3;
  }
  drain(): void {
    this.bufferedAmount = 0;
    const cbs = this.callbacks;
    this.callbacks = [];
    for (const cb of cbs) cb();
  }
  types(): string[] {
    return this.sent.map((s) => (JSON.parse(s) as { type: string; n?: number }).type);
  }
}

const msg = (type: string, n: number): string => JSON.stringify({ type, n });
const limits = { highWaterBytes: 100, maxQueuedEvents: 3, maxQueuedFindings: 2 };

test('a slow client gets only the latest metrics and status, and at most the newest capped events', () => {
  const socket = new SlowSocket();
  const outbox = new ClientOutbox(socket, limits);
  outbox.sendSnapshot('x'.repeat(150), null);
  assert.equal(socket.bufferedAmount >= limits.highWaterBytes, true);
  for (let n = 1; n <= 10; n++) {
    outbox.push('event', msg('event', n), n);
    outbox.push('metrics', msg('metrics', n));
    if (n % 3 === 0) outbox.push('status', msg('status', n));
  }
  assert.equal(socket.sent.length, 1, 'nothing more is handed to a socket above its high-water mark');
  assert.equal(outbox.pending, 5);
  socket.drain();
  // Each drain hands over what fits under the mark; keep draining until the queue is empty.
  while (outbox.pending > 0) socket.drain();
  const after = socket.sent.slice(1).map((s) => JSON.parse(s) as { type: string; n: number });
  assert.deepEqual(after.filter((m) => m.type === 'event').map((m) => m.n), [8, 9, 10]);
  assert.deepEqual(after.filter((m) => m.type === 'metrics').map((m) => m.n), [10]);
  assert.deepEqual(after.filter((m) => m.type === 'status').map((m) => m.n), [9]);
  assert.equal(outbox.dropped, 7 + 9 + 2);
});

test('a client that keeps up gets every message in order', () => {
  const socket = new SlowSocket();
  const outbox = new ClientOutbox(socket, limits);
  outbox.sendSnapshot(msg('snapshot', 0), null);
  socket.drain();
  for (let n = 1; n <= 4; n++) {
    outbox.push('event', msg('event', n), n);
    socket.drain();
    outbox.push('metrics', msg('metrics', n));
    socket.drain();
  }
  assert.deepEqual(socket.types(), ['snapshot', 'event', 'metrics', 'event', 'metrics', 'event', 'metrics', 'event', 'metrics']);
  assert.equal(outbox.dropped, 0);
});

test('nothing goes out before the snapshot, and events it already holds are not sent twice', () => {
  const socket = new SlowSocket();
  const outbox = new ClientOutbox(socket, limits);
  outbox.push('event', msg('event', 11), 11);
  outbox.push('event', msg('event', 12), 12);
  assert.equal(socket.sent.length, 0);
  outbox.sendSnapshot(msg('snapshot', 0), 11);
  assert.deepEqual(socket.sent.map((s) => JSON.parse(s) as { type: string; n: number }).map((m) => `${m.type}${m.n}`), ['snapshot0', 'event12']);
});

test('a closed socket is handed nothing', () => {
  const socket = new SlowSocket();
  const outbox = new ClientOutbox(socket, limits);
  outbox.sendSnapshot(msg('snapshot', 0), null);
  socket.close();
  outbox.push('event', msg('event', 1), 1);
  assert.equal(socket.sent.length, 1);
});
