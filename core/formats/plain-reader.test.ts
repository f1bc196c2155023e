import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry } from '../entry.ts';
import { createEntryReader } from './entry-reader.ts';
import { flyLogEntry, renderPlain } from './fixtures.ts';

const NOW = Date.UTC(2030, 0, 1);

function readAll(text: string | Buffer): LogEntry[] {
  const reader = createEntryReader('plain', { now: () => NOW });
  return [...reader.push(text), ...reader.end()];
}

const appLine = (message: string, timestamp = '2026-11-20T09:14:03Z'): string =>
  renderPlain(flyLogEntry({ message, timestamp }));

test('a stack trace continues the entry above it, joined with newlines', () => {
  const text = appLine('Error: Stream initialization failed', '2026-11-20T09:14:05Z')
    + '    at StreamService.start (/app/dist/services/streaming-service.js:88:15)\n'
    + '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n'
    + appLine('next', '2026-11-20T09:14:06Z');
  const entries = readAll(text);
  assert.equal(entries.length, 2);
  assert.equal(entries[0]?.message, 'Error: Stream initialization failed\n    at StreamService.start (/app/dist/services/streaming-service.js:88:15)\n'
    + '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
  assert.equal(entries[0]?.lines, 3);
  assert.equal(entries[1]?.message, 'next');
});

test('a query with a newline continues onto the next line of the [Stream] entry', () => {
  const entries = readAll(appLine('[Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: "first line') + 'second line..."\n');
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.message, '[Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: "first line\nsecond line..."');
});

test('an entry whose first line is JSON keeps the attached text after it', () => {
  const entries = readAll(appLine('{"level":"error","message":"boom","timestamp":"2026-11-20T09:14:03.001Z"}') + 'attached text\n');
  assert.equal(entries[0]?.message, '{"level":"error","message":"boom","timestamp":"2026-11-20T09:14:03.001Z"}\nattached text');
});

test('blank lines after an entry are counted but not kept at the end of its message', () => {
  const entries = readAll(appLine('one') + '\n\n' + appLine('two'));
  assert.equal(entries[0]?.message, 'one');
  assert.equal(entries[0]?.lines, 3);
  const inner = readAll(appLine('a') + '\nb\n');
  assert.equal(inner[0]?.message, 'a\n\nb');
});

test('an entry is emitted once the next one starts, or at the end', () => {
  const reader = createEntryReader('plain');
  assert.deepEqual(reader.push(appLine('first')), []);
  const second = reader.push(appLine('second'));
  assert.deepEqual(second.map((e) => e.message), ['first']);
  assert.deepEqual(reader.end().map((e) => e.message), ['second']);
});

test('a garbage line is an unparsed entry of its own and does not take the entry above with it', () => {
  const text = Buffer.concat([
    Buffer.from(appLine('[Stream] Client disconnected: conn_1', '2026-11-20T09:14:07Z')),
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x10, 0x0a]),
    Buffer.from(appLine('[Stream] Backend stream completed: conn_2', '2026-11-20T09:14:08Z')),
  ]);
  const entries = readAll(text);
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message.length > 0, e.time]), [
    [false, true, '2026-11-20T09:14:07Z'],
    [true, true, '2026-11-20T09:14:07Z'],
    [false, true, '2026-11-20T09:14:08Z'],
  ]);
  assert.equal(entries[0]?.message, '[Stream] Client disconnected: conn_1');
  assert.deepEqual([entries[1]?.instance, entries[1]?.provider, entries[1]?.region, entries[1]?.level, entries[1]?.lines], ['', '', '', '', 1]);
  assert.equal(entries[2]?.message, '[Stream] Backend stream completed: conn_2');
});

test('a prefixed line holding a control byte is garbage too, and lines after it have no entry to join', () => {
  const entries = readAll(appLine('ok') + appLine('bad \x07 bell') + 'orphan continuation\n' + appLine('good'));
  assert.deepEqual(entries.map((e) => e.unparsed), [false, true, true, false]);
  assert.equal(entries[1]?.message, '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]bad \x07 bell');
  assert.equal(entries[2]?.message, 'orphan continuation');
});

test('unparsed text never keeps colours', () => {
  const entries = readAll(appLine('ok') + '\x1b[31mbinary\x00junk\x1b[0m\n');
  assert.equal(entries[1]?.message, 'binary\x00junk');
});

test('lines before the first entry are unparsed entries that take its time', () => {
  const entries = readAll('\n  \ntruncated tail of an earlier line\n' + appLine('first', '2026-11-20T09:14:03Z'));
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message, e.time, e.precision]), [
    [true, 'truncated tail of an earlier line', '2026-11-20T09:14:03Z', 'second'],
    [false, 'first', '2026-11-20T09:14:03Z', 'second'],
  ]);
});

test('lines with no entry anywhere get the clock time', () => {
  const entries = readAll('nothing here\nnor here\n');
  assert.deepEqual(entries.map((e) => [e.unparsed, e.time]), [[true, '2030-01-01T00:00:00Z'], [true, '2030-01-01T00:00:00Z']]);
});

test('a line shaped like an entry with an impossible timestamp is unparsed and ends the entry above', () => {
  const entries = readAll(appLine('ok') + '2026-02-30T09:14:03Z app[4d895d5ec41638] sin [info]x\n');
  assert.deepEqual(entries.map((e) => [e.unparsed, e.time]), [[false, '2026-11-20T09:14:03Z'], [true, '2026-11-20T09:14:03Z']]);
});

test('past 1,000 lines an entry takes no more continuation lines: they stand alone', () => {
  const text = appLine('head') + Array.from({ length: 1001 }, (_, i) => `  frame ${i}`).join('\n') + '\n';
  const entries = readAll(text);
  assert.equal(entries[0]?.lines, 1000);
  assert.equal(entries[0]?.message.split('\n').length, 1000);
  assert.deepEqual(entries.slice(1).map((e) => [e.unparsed, e.message]), [[true, '  frame 999'], [true, '  frame 1000']]);
});

test('past 1 MiB an entry takes no more continuation lines', () => {
  const chunk = 'y'.repeat(300 * 1024);
  const entries = readAll(appLine('head') + `${chunk}\n${chunk}\n${chunk}\n${chunk}\n`);
  assert.equal(entries[0]?.lines, 4);
  assert.equal(entries.length, 2);
  assert.equal(entries[1]?.unparsed, true);
  assert.equal(entries[1]?.message.length, 300 * 1024);
});

test('a 200 KB line is an entry like any other', () => {
  const message = 'x'.repeat(200 * 1024);
  const entries = readAll(appLine(message) + appLine('after'));
  assert.equal(entries[0]?.message, message);
  assert.equal(entries[1]?.message, 'after');
});

test('CRLF line endings are accepted', () => {
  const entries = readAll(appLine('one').replace('\n', '\r\n') + '  at x\r\n' + appLine('two').replace('\n', '\r\n'));
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message]), [[false, 'one\n  at x'], [false, 'two']]);
});

test('invalid UTF-8 split across chunks makes one garbage line, the entries around it are intact', () => {
  const bytes = Buffer.concat([Buffer.from(appLine('before')), Buffer.from('caf'), Buffer.from([0xc3]), Buffer.from('\n'), Buffer.from(appLine('after'))]);
  const expected = readAll(bytes);
  assert.deepEqual(expected.map((e) => [e.unparsed, e.message]), [[false, 'before'], [true, 'caf\ufffd'], [false, 'after']]);
  for (let cut = 1; cut < bytes.length; cut++) {
    const reader = createEntryReader('plain', { now: () => NOW });
    const entries = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut)), ...reader.end()];
    assert.deepEqual(entries, expected, `cut at ${cut}`);
  }
});

test('a split emoji is not garbage', () => {
  const bytes = Buffer.from(appLine('🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream'));
  const at = bytes.indexOf(0xf0) + 2;
  const reader = createEntryReader('plain');
  const entries = [...reader.push(bytes.subarray(0, at)), ...reader.push(bytes.subarray(at)), ...reader.end()];
  assert.deepEqual(entries.map((e) => [e.unparsed, e.message]), [[false, '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream']]);
});
