import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Joiner, emptyJoinerState } from './joiner.ts';
import type { EventRecord, JoinServices, JoinSink, KeyView, StreamRecord } from './join-records.ts';
import type { Signal } from './signal.ts';
import type { LogEntry } from '../entry.ts';

class Recorder implements JoinSink {
  events = new Map<number, EventRecord>();
  streams = new Map<number, StreamRecord>();
  insertEvent(e: EventRecord): void { this.events.set(e.id, { ...e }); }
  updateEventKey(id: number, key: KeyView): void { const e = this.events.get(id); if (e) this.events.set(id, { ...e, keyFingerprint: key.fingerprint, keyDisplay: key.display, test: key.test }); }
  saveStream(s: StreamRecord): void { this.streams.set(s.id, { ...s }); }
  ofType(type: string): EventRecord[] { return [...this.events.values()].filter((e) => e.type === type); }
}

function setup() {
  const seen = new Set<string>();
  const services: JoinServices = {
    seenBefore: (id) => { const had = seen.has(id); seen.add(id); return had; },
    viewKey: (key) => ({ fingerprint: `fp(${key})`, display: key, test: key.includes('test') }),
  };
  const joiner = new Joiner(emptyJoinerState(), [], services);
  const sink = new Recorder();
  let entryId = 0;
  const at = (sec: number, signal: Signal, instance = 'i1') => {
    const timeMs = Date.parse('2026-11-20T09:00:00Z') + sec * 1000;
    const entry: LogEntry = { time: new Date(timeMs).toISOString(), timeMs, precision: 'second', instance, provider: 'app', region: 'sin', level: 'info', message: 'x', format: 'plain', unparsed: false, lines: 1 };
    return joiner.join({ entry, entryId: ++entryId, signal }, sink);
  };
  return { at, sink };
}

const textOpen = (id: string): Signal => ({ kind: 'open', via: 'text', connectionId: id, queryHash: null, userId: null });
const auditOpen = (id: string, hash: string | null = 'a1b2c3d4e5f60718'): Signal => ({ kind: 'open', via: 'audit', connectionId: id, queryHash: hash, userId: 'test-user-1' });
const close = (id: string, via: 'audit' | 'complete' | 'disconnect' | 'stale' = 'complete', durationMs: number | null = 900, tokens: number | null = 10, firstTokenMs: number | null = null): Signal =>
  ({ kind: 'close', via, connectionId: id, durationMs, tokens, firstTokenMs });

test('the text and audit lines of one open are one open, in either order', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(2, auditOpen('c1'));
  at(10, auditOpen('c2'));
  at(11, textOpen('c2'));
  assert.equal(sink.streams.size, 2);
  assert.equal(sink.ofType('stream.open').length, 2);
  assert.equal(sink.ofType('stream.reconnect').length, 0);
  assert.equal([...sink.streams.values()][0]?.queryHashOk, true);
});

test('an open of an id seen before is a reconnect, even before the first stream closed', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(0, auditOpen('c1'));
  at(5, textOpen('c1'));
  at(5, auditOpen('c1'));
  assert.equal(sink.streams.size, 2);
  assert.equal(sink.ofType('stream.reconnect').length, 1);
});

test('two lines of one open more than 2 s apart are two opens', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(3, auditOpen('c1'));
  assert.equal(sink.streams.size, 2);
});

test('a close closes the oldest open stream of its id, and its audit twin adds the metadata', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(1, textOpen('c1'));
  at(4, close('c1', 'complete', 3000, 11));
  at(4, close('c1', 'audit', 3000, 11, 80));
  const [first, second] = [...sink.streams.values()];
  assert.equal(first?.closeMs !== null, true);
  assert.equal(second?.closeMs, null);
  assert.equal(first?.firstTokenMs, 80);
  assert.equal(first?.interTokenMs, (3000 - 80) / 10);
  assert.equal(sink.ofType('stream.close').length, 1);
});

test('a failure naming a stream opened in the last 5 s takes that open', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(3, { kind: 'fail', connectionId: 'c1', error: 'Stream initialization failed', userId: null });
  at(10, textOpen('c2'));
  at(20, { kind: 'fail', connectionId: 'c2', error: null, userId: null });
  const streams = [...sink.streams.values()];
  assert.equal(streams[0]?.failed, true);
  assert.equal(streams[1]?.failed, false, 'an open 10 s old is not taken by a failure');
  assert.equal(sink.ofType('stream.fail').length, 2);
});

test('a warn line and its audit line are one violation, keyed from the warn line', () => {
  const { at, sink } = setup();
  at(0, { kind: 'ratelimit', via: 'audit', key: 'user:u-1' });
  at(1, { kind: 'ratelimit', via: 'warn', key: 'user:ratelimit-test' });
  at(1, { kind: 'ratelimit', via: 'warn', key: 'user:ratelimit-test' });
  const v = sink.ofType('ratelimit.violation');
  assert.equal(v.length, 2, 'the second warn line has no partner left and stands alone');
  assert.equal(v[0]?.keyDisplay, 'user:ratelimit-test');
  assert.equal(v[0]?.test, true);
});

test('lines on another instance never pair', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'), 'i1');
  at(0, auditOpen('c1'), 'i2');
  assert.equal(sink.streams.size, 2);
});

test('a close with no open still counts as a close', () => {
  const { at, sink } = setup();
  at(0, close('ghost', 'stale', null, null));
  assert.equal(sink.ofType('stream.close').length, 1);
  assert.equal([...sink.streams.values()][0]?.openMs, null);
});

test('the first-token line gives the sample unless the audit close carries one', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(1, { kind: 'first-token', connectionId: 'c1', ms: 55 });
  assert.equal([...sink.streams.values()][0]?.firstTokenMs, 55);
  at(3, close('c1', 'audit', 2000, 5, 60));
  assert.equal([...sink.streams.values()][0]?.firstTokenMs, 60);
});

test('in an overlapping reconnect the old stream disconnect and the new stream completion are two closes', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(10, textOpen('c1'));
  at(11, close('c1', 'disconnect', null, null));
  at(12, close('c1', 'complete', 2000, 20));
  const [old, fresh] = [...sink.streams.values()];
  assert.equal(old?.closeVia, 'disconnect');
  assert.equal(old?.durationMs, null);
  assert.equal(fresh?.closeVia, 'complete');
  assert.equal(fresh?.durationMs, 2000);
  assert.equal(sink.ofType('stream.close').length, 2);
});

test('the stale sweep and the disconnect it causes are one close', () => {
  const { at, sink } = setup();
  at(0, textOpen('c1'));
  at(400, close('c1', 'stale', null, null));
  at(400, close('c1', 'disconnect', null, null));
  assert.equal(sink.ofType('stream.close').length, 1);
  assert.equal(sink.streams.size, 1);
});
