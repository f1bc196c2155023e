import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../json-object.ts';
import { natsMessage } from './fixtures.ts';
import { natsEntry } from './nats-parser.ts';

test('a NATS log message gives provider, instance, region, level, message and its nanosecond time', () => {
  const text = natsMessage({ message: '[Stream] First token latency: 84ms for conn_1732190000000_k3j2h1g0f' });
  assert.deepEqual(natsEntry(JSON.parse(text) as JsonObject, text, 1), {
    time: '2026-11-20T09:14:03.660159411Z',
    timeMs: Date.UTC(2026, 10, 20, 9, 14, 3, 660),
    precision: 'subsecond',
    instance: '0e286551c30586',
    provider: 'app',
    region: 'sjc',
    level: 'info',
    message: '[Stream] First token latency: 84ms for conn_1732190000000_k3j2h1g0f',
    format: 'nats',
    unparsed: false,
    lines: 1,
  });
});

test('a message without a timestamp, or with one that is not a date, is not an entry', () => {
  assert.equal(natsEntry({ message: 'x' }, '', 1), null);
  assert.equal(natsEntry({ message: 'x', timestamp: 1732190000 }, '', 1), null);
});

test('missing nested fields are empty, not an error', () => {
  const entry = natsEntry({ timestamp: '2026-11-20T09:14:03Z', fly: 'odd', event: null }, '', 1);
  assert.deepEqual([entry?.instance, entry?.provider, entry?.region, entry?.level, entry?.message], ['', '', '', '', '']);
});
