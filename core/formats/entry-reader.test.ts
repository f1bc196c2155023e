import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry, TransportFormat } from '../entry.ts';
import { createEntryReader, type EntryReaderOptions } from './entry-reader.ts';
import { auditOpenLine, flyLogEntry, natsMessage, renderCompactJson, renderJson, renderPlain, winstonLine } from './fixtures.ts';

const NOW = Date.UTC(2030, 0, 1);
const options: EntryReaderOptions = { now: () => NOW, instance: '4d895d5ec41638' };

function readAll(format: TransportFormat, input: string | Buffer): LogEntry[] {
  const reader = createEntryReader(format, options);
  return [...reader.push(input), ...reader.end()];
}

/** Reads `bytes` split in two at every offset: the result must not depend on where chunks end. */
function assertSameAtEverySplit(format: TransportFormat, bytes: Buffer): LogEntry[] {
  const whole = readAll(format, bytes);
  for (let cut = 1; cut < bytes.length; cut++) {
    const reader = createEntryReader(format, options);
    const entries = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut)), ...reader.end()];
    assert.deepEqual(entries, whole, `split at byte ${cut}`);
  }
  return whole;
}

test('fly logs --json: pretty objects split at every byte give the same entries', () => {
  const bytes = Buffer.from(renderJson(flyLogEntry({ message: '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream', level: 'warn' }))
    + renderJson(flyLogEntry({ provider: 'proxy', level: 'error', status: 502, message: '[PM05] failed to connect to machine' })));
  const entries = assertSameAtEverySplit('json', bytes);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.level, e.message, e.lines]), [
    [false, 'warn', '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream', 31],
    [false, 'error', '[PM05] failed to connect to machine', 31],
  ]);
  assert.deepEqual(entries[1]?.http, { status: 502 });
});

test('fly logs --json: a truncated object is unparsed and does not swallow the next good object', () => {
  const good = renderJson(flyLogEntry({ message: 'second', timestamp: '2026-11-20T09:14:04.5Z' }));
  const truncated = renderJson(flyLogEntry({ message: 'first' })).split('\n').slice(0, 6).join('\n') + '\n';
  const entries = readAll('json', truncated + good);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.lines, e.time]), [
    [true, 6, '2026-11-20T09:14:04.5Z'],
    [false, 31, '2026-11-20T09:14:04.5Z'],
  ]);
  assert.equal(entries[0]?.message, truncated.slice(0, -1));
  assert.equal(entries[1]?.message, 'second');
});

test('fly logs --json: an object cut off by the end of input is unparsed', () => {
  const entries = readAll('json', renderJson(flyLogEntry({ message: 'ok' })) + '{\n    "level": "info",\n');
  assert.deepEqual(entries.map((e) => [e.unparsed, e.lines]), [[false, 31], [true, 2]]);
});

test('fly logs --json: compact one-object-per-line output and stray text are read too', () => {
  const entries = readAll('json', renderCompactJson(flyLogEntry({ message: 'compact' })) + 'Error: failed to fetch logs\n' + '{"valid":"json but not an entry"}\n');
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message]), [
    [false, 'compact'],
    [true, 'Error: failed to fetch logs'],
    [true, '{"valid":"json but not an entry"}'],
  ]);
});

test('NATS: one message per line, split at every byte, and anything else is unparsed', () => {
  const bytes = Buffer.from(natsMessage({ message: 'one' }) + '\n' + 'garbage {\n' + natsMessage({ message: 'två 🚀', level: 'warn' }) + '\n');
  const entries = assertSameAtEverySplit('nats', bytes);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message, e.format]), [
    [false, 'one', 'nats'],
    [true, 'garbage {', 'nats'],
    [false, 'två 🚀', 'nats'],
  ]);
});

test('NATS: messages pushed one by one without newlines come out at once', () => {
  const reader = createEntryReader('nats', options);
  assert.deepEqual(reader.push(natsMessage({ message: 'first' })).map((e) => e.message), ['first']);
  assert.deepEqual(reader.push(natsMessage({ message: 'second' })).map((e) => e.message), ['second']);
  assert.deepEqual(reader.end(), []);
});

test('app files: winston lines are app entries of the file instance, other lines are unparsed', () => {
  const audit = auditOpenLine('conn_1732190000000_k3j2h1g0f');
  const bytes = Buffer.from(`${audit}\nplain text from console.log\n${winstonLine({ level: 'warn', message: '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream', timestamp: '2026-11-20 09:14:05' })}\n`);
  const entries = assertSameAtEverySplit('app', bytes);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.instance, e.provider, e.time]), [
    [false, '4d895d5ec41638', 'app', '2026-11-20T09:14:03.100Z'],
    [true, '', '', '2026-11-20T09:14:03.100Z'],
    [false, '4d895d5ec41638', 'app', '2026-11-20T09:14:05Z'],
  ]);
  assert.equal(entries[0]?.message, audit);
});

test('app files: a truncated line followed by a good one keeps the good one', () => {
  const good = auditOpenLine('conn_2');
  const entries = readAll('app', `${good.slice(0, 40)}\n${good}\n`);
  assert.deepEqual(entries.map((e) => e.unparsed), [true, false]);
});

test('plain: coloured flyctl output split at every byte gives the same entries', () => {
  const bytes = Buffer.from('junk before\n'
    + renderPlain(flyLogEntry({ message: ' ' + auditOpenLine('conn_1') }))
    + renderPlain(flyLogEntry({ provider: 'proxy', level: 'error', errorCode: 502, errorMessage: 'gave up after 15 attempts' }))
    + renderPlain(flyLogEntry({ level: 'warn', message: '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream' }))
    + '    at continuation (x.js:1:1)\n');
  const entries = assertSameAtEverySplit('plain', bytes);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.provider, e.lines]), [[true, '', 1], [false, 'app', 1], [false, 'proxy', 1], [false, 'app', 2]]);
});

test('a line without end is cut into bounded pieces while it streams in', () => {
  const reader = createEntryReader('plain', options);
  const seen: LogEntry[] = [...reader.push(renderPlain(flyLogEntry({ message: 'before' })))];
  const megabyte = 'z'.repeat(1 << 20);
  for (let i = 0; i < 4; i++) seen.push(...reader.push(megabyte));
  assert.ok(seen.length >= 4, 'the entry before and pieces are given out before the line ends');
  seen.push(...reader.end());
  const pieces = seen.slice(1);
  assert.equal(pieces.reduce((sum, e) => sum + e.message.length, 0), 4 << 20);
  assert.equal(pieces.reduce((sum, e) => sum + e.lines, 0), 1);
  assert.ok(pieces.every((e) => e.unparsed && e.message.length <= 1 << 20 && e.time === '2026-11-20T09:14:03Z'));
});

test('end() flushes and the reader stays usable', () => {
  const reader = createEntryReader('plain', options);
  reader.push(renderPlain(flyLogEntry({ message: 'one' })));
  assert.deepEqual(reader.end().map((e) => e.message), ['one']);
  assert.deepEqual([...reader.push(renderPlain(flyLogEntry({ message: 'two' }))), ...reader.end()].map((e) => e.message), ['two']);
});

test('text and bytes may be mixed', () => {
  const reader = createEntryReader('plain', options);
  const entries = [...reader.push('2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]a'), ...reader.push(Buffer.from('b\n')), ...reader.end()];
  assert.deepEqual(entries.map((e) => e.message), ['ab']);
});

test('no input makes no entries', () => {
  for (const format of ['plain', 'json', 'nats', 'app'] as const) assert.deepEqual(readAll(format, ''), []);
});

test('random bytes never make a reader throw, and every byte ends up in some entry', () => {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = Buffer.from('{}[]"\\:,\n\r\t\x1b[0m 0123456789-TZ.abc');
  for (const format of ['plain', 'json', 'nats', 'app'] as const) {
    for (let round = 0; round < 30; round++) {
      const bytes = Buffer.alloc(2000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = random() < 0.7 ? (alphabet[Math.floor(random() * alphabet.length)] ?? 0) : Math.floor(random() * 256);
      const reader = createEntryReader(format, options);
      const entries: LogEntry[] = [];
      for (let at = 0; at < bytes.length; at += 1 + Math.floor(random() * 300)) entries.push(...reader.push(bytes.subarray(at, at + 1 + Math.floor(random() * 300))));
      entries.push(...reader.end());
      for (const entry of entries) {
        assert.equal(typeof entry.message, 'string');
        assert.ok(Number.isFinite(entry.timeMs));
        assert.ok(!entry.message.includes('\x1b['), 'no colour escapes are kept');
      }
    }
  }
});
