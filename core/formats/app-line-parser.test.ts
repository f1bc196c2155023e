import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../json-object.ts';
import { appLineParser } from './app-line-parser.ts';
import { auditOpenLine, winstonLine } from './fixtures.ts';

const parse = appLineParser('4d895d5ec41638');

test('a winston line becomes an app entry of the file instance whose message is the whole line', () => {
  const text = auditOpenLine('conn_1732190000000_k3j2h1g0f', '2026-11-20T09:14:03.100Z');
  assert.deepEqual(parse(JSON.parse(text) as JsonObject, text, 1), {
    time: '2026-11-20T09:14:03.100Z',
    timeMs: Date.UTC(2026, 10, 20, 9, 14, 3, 100),
    precision: 'subsecond',
    instance: '4d895d5ec41638',
    provider: 'app',
    region: '',
    level: 'info',
    message: text,
    format: 'app',
    unparsed: false,
    lines: 1,
  });
});

test("winston's 'YYYY-MM-DD HH:mm:ss' timestamp is read as UTC at whole seconds", () => {
  const text = winstonLine({ message: 'GET /api/v2/bali-zero/chat-stream - 203.0.113.7', timestamp: '2026-11-20 09:14:03' });
  const entry = parse(JSON.parse(text) as JsonObject, text, 1);
  assert.equal(entry?.time, '2026-11-20T09:14:03Z');
  assert.equal(entry?.precision, 'second');
});

test('a colourised level is cleaned', () => {
  const text = winstonLine({ level: '\u001b[33mwarn\u001b[39m', message: '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream' });
  assert.equal(parse(JSON.parse(text) as JsonObject, text, 1)?.level, 'warn');
});

test('a line without a readable timestamp is not an entry', () => {
  assert.equal(parse({ level: 'info', message: 'x' }, '{"level":"info","message":"x"}', 1), null);
  assert.equal(parse({ level: 'info', message: 'x', timestamp: '20/11/2026 09:14:03' }, '', 1), null);
});

test('an epoch-millisecond timestamp is accepted', () => {
  const entry = parse({ level: 'info', message: 'x', timestamp: Date.UTC(2026, 10, 20, 9, 14, 3, 5) }, '', 1);
  assert.equal(entry?.time, '2026-11-20T09:14:03.005Z');
});
