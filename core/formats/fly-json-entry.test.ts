import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../json-object.ts';
import { flyJsonEntry } from './fly-json-entry.ts';
import { flyLogEntry } from './fixtures.ts';

const asObject = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

test('an app entry of fly logs --json keeps its nanosecond timestamp, and zero-valued meta gives no http', () => {
  const entry = flyJsonEntry(asObject(flyLogEntry({ message: '{"level":"info","message":"[AUDIT]"}' })), '', 28);
  assert.deepEqual(entry, {
    time: '2026-11-20T09:14:03.123456789Z',
    timeMs: Date.UTC(2026, 10, 20, 9, 14, 3, 123),
    precision: 'subsecond',
    instance: '4d895d5ec41638',
    provider: 'app',
    region: 'sin',
    level: 'info',
    message: '{"level":"info","message":"[AUDIT]"}',
    format: 'json',
    unparsed: false,
    lines: 28,
  });
});

test('non-zero HTTP meta becomes http fields', () => {
  const entry = flyJsonEntry(asObject(flyLogEntry({ provider: 'proxy', level: 'error', method: 'GET', requestId: '01HZX8N3W4Y5',
    status: 502, errorCode: 502, errorMessage: 'failed to connect to machine', url: 'https://app.fly.dev/api/v2/bali-zero/chat-stream?query=hi' })), '', 1);
  assert.deepEqual(entry?.http, { method: 'GET', url: 'https://app.fly.dev/api/v2/bali-zero/chat-stream?query=hi', requestId: '01HZX8N3W4Y5', status: 502, errorCode: 502, errorMessage: 'failed to connect to machine' });
  assert.equal(entry?.provider, 'proxy');
});

test('a whole-second timestamp (Go trims trailing zeros) is still sub-second precision', () => {
  const entry = flyJsonEntry(asObject(flyLogEntry({ timestamp: '2026-11-20T09:14:03Z' })), '', 1);
  assert.equal(entry?.time, '2026-11-20T09:14:03Z');
  assert.equal(entry?.precision, 'subsecond');
});

test('an object without a readable timestamp or with a non-text message is not an entry', () => {
  assert.equal(flyJsonEntry({ level: 'info', message: 'x' }, '', 1), null);
  assert.equal(flyJsonEntry({ timestamp: 'yesterday', message: 'x' }, '', 1), null);
  assert.equal(flyJsonEntry({ timestamp: '2026-11-20T09:14:03Z', message: { nested: true } }, '', 1), null);
});

test('instance and region fall back to meta, missing fields are empty', () => {
  const entry = flyJsonEntry({ timestamp: '2026-11-20T09:14:03Z', meta: { Instance: 'abc', Region: 'lhr' } }, '', 1);
  assert.deepEqual([entry?.instance, entry?.region, entry?.provider, entry?.level, entry?.message], ['abc', 'lhr', '', '', '']);
});
