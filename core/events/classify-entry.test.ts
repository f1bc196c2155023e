import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEntry } from './classify-entry.ts';
import type { LogEntry } from '../entry.ts';

const entry = (message: string, provider = 'app'): LogEntry => ({
  time: '2026-11-20T09:14:03Z', timeMs: Date.parse('2026-11-20T09:14:03Z'), precision: 'second', instance: '4d895d5ec41638', provider,
  region: 'sin', level: 'info', message, format: 'json', unparsed: false, lines: 1,
});

const auditOpen = '{"level":"info","message":"[AUDIT]","operation":"stream.chat","success":true,"metadata":{"connectionId":"conn_1732190000000_k3j2h1g0f","queryHash":"a1b2c3d4e5f60718","queryLength":16}}';

test('an audit open is an open with its queryHash', () => {
  assert.deepEqual(classifyEntry(entry(auditOpen)), {
    kind: 'open', via: 'audit', connectionId: 'conn_1732190000000_k3j2h1g0f', queryHash: 'a1b2c3d4e5f60718', userId: null,
  });
});

test('the space --json keeps before a message does not hide the line', () => {
  assert.equal(classifyEntry(entry(` ${auditOpen}`))?.kind, 'open');
  assert.deepEqual(classifyEntry(entry(' machine exited with exit code 0, not restarting', 'runner')), {
    kind: 'platform', type: 'platform.machine-exit', code: null,
  });
});

test('an audit line with a duration is a close, with or without metadata.duration', () => {
  const close = '{"message":"[AUDIT]","operation":"stream.chat","success":true,"duration":2100,"metadata":{"connectionId":"c1","firstTokenLatency":85,"tokensReceived":40}}';
  assert.deepEqual(classifyEntry(entry(close)), { kind: 'close', via: 'audit', connectionId: 'c1', durationMs: 2100, firstTokenMs: 85, tokens: 40 });
});

test('a failed stream may lack its connection id and error text', () => {
  assert.deepEqual(classifyEntry(entry('{"message":"[AUDIT]","operation":"stream.chat","success":false}')), {
    kind: 'fail', connectionId: null, error: null, userId: null,
  });
});

test('stream text lines carry their id, and Stream complete its duration as latency', () => {
  assert.deepEqual(classifyEntry(entry('[Stream] Stream complete: conn_1_a, tokens: 40, latency: 2100ms')), {
    kind: 'close', via: 'complete', connectionId: 'conn_1_a', durationMs: 2100, firstTokenMs: null, tokens: 40,
  });
  assert.deepEqual(classifyEntry(entry('[Stream] First token latency: 85ms for conn_1_a')), { kind: 'first-token', connectionId: 'conn_1_a', ms: 85 });
  assert.equal(classifyEntry(entry('[Stream] Backend stream completed: conn_1_a')), null);
});

test('both rate-limit lines and the global limiter are violations', () => {
  assert.deepEqual(classifyEntry(entry('🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream')), { kind: 'ratelimit', via: 'warn', key: 'user:ratelimit-test' });
  assert.deepEqual(classifyEntry(entry('Rate limit exceeded for IP: 203.0.113.9')), { kind: 'ratelimit', via: 'global', key: 'ip:203.0.113.9' });
});

test('proxy error codes and health checks are platform events', () => {
  assert.deepEqual(classifyEntry(entry('[PC01] instance refused connection. is your app listening on 0.0.0.0:8080?', 'proxy')), {
    kind: 'platform', type: 'platform.proxy-error', code: 'PC01',
  });
  assert.equal(classifyEntry(entry("Health check 'servicecheck-00-http-8080' on port 8080 has failed.", 'health'))?.kind, 'platform');
});

test('words that only look like events are not', () => {
  assert.equal(classifyEntry(entry('Query cache warmed')), null);
  assert.equal(classifyEntry(entry('{"message":"[AUDIT]"')), null, 'a truncated audit object');
});
