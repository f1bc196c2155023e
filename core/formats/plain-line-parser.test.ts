import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry } from '../entry.ts';
import { flyLogEntry, renderPlain } from './fixtures.ts';
import { BAD_TIME, NO_PREFIX, PlainLineParser, type PlainLineResult } from './plain-line-parser.ts';

function entry(result: PlainLineResult): LogEntry {
  assert.equal(typeof result, 'object', `expected an entry, got ${String(result)}`);
  return result as LogEntry;
}

function parse(line: string): PlainLineResult {
  return new PlainLineParser().parse(line.endsWith('\n') ? line.slice(0, -1) : line);
}

test('a coloured app line as flyctl prints it is read, colours dropped, one space before the message removed', () => {
  const line = renderPlain(flyLogEntry({ message: ' {"level":"info","message":"[AUDIT]"}' }));
  assert.deepEqual(parse(line), {
    time: '2026-11-20T09:14:03Z',
    timeMs: Date.UTC(2026, 10, 20, 9, 14, 3),
    precision: 'second',
    instance: '4d895d5ec41638',
    provider: 'app',
    region: 'sin',
    level: 'info',
    message: '{"level":"info","message":"[AUDIT]"}',
    format: 'plain',
    unparsed: false,
    lines: 1,
  });
});

test('the message may follow the level without a space', () => {
  const result = entry(parse('2026-11-20T09:14:03Z runner[5683606c41098e] lhr [info]Pulling container image'));
  assert.equal(result.message, 'Pulling container image');
  assert.equal(result.provider, 'runner');
  assert.equal(result.region, 'lhr');
});

test('only one leading space is removed: the rest belongs to the message', () => {
  assert.equal(entry(parse('2026-11-20T09:14:03Z health[d8dd799b450738] syd [info]  indented')).message, ' indented');
});

test('proxy lines keep their error code in the message', () => {
  const result = entry(parse(renderPlain(flyLogEntry({ provider: 'proxy', instance: 'e2862692b79d68', level: 'error',
    message: '[PC01] instance refused connection. is your app listening on 0.0.0.0:8080?' }))));
  assert.equal(result.message, '[PC01] instance refused connection. is your app listening on 0.0.0.0:8080?');
  assert.equal(result.level, 'error');
  assert.equal(result.http, undefined);
});

test('HTTP fields between level and message go to http and out of the message', () => {
  const result = entry(parse(renderPlain(flyLogEntry({ provider: 'proxy', level: 'error', method: 'GET',
    url: '/api/v2/bali-zero/chat-stream?query=What%20is%20ZANTARA%3F', requestId: '01HZX8N3W4Y5', status: 502, errorCode: 502,
    message: '[PR04] could not find a good candidate within 40 attempts at load balancing' }))));
  assert.deepEqual(result.http, { errorCode: 502, method: 'GET', url: '/api/v2/bali-zero/chat-stream?query=What%20is%20ZANTARA%3F', requestId: '01HZX8N3W4Y5', status: 502 });
  assert.equal(result.message, '[PR04] could not find a good candidate within 40 attempts at load balancing');
});

test('error.message printed before the timestamp goes to http.errorMessage', () => {
  const line = renderPlain(flyLogEntry({ provider: 'proxy', level: 'error', errorCode: 502,
    errorMessage: 'failed to connect to machine: gave up after 15 attempts (in 8.14s)', timestamp: '2026-11-20T09:14:09Z' }));
  assert.ok(line.startsWith('\x1b[2merror.message='));
  const result = entry(parse(line));
  assert.equal(result.time, '2026-11-20T09:14:09Z');
  assert.equal(result.provider, 'proxy');
  assert.deepEqual(result.http, { errorCode: 502, errorMessage: 'failed to connect to machine: gave up after 15 attempts (in 8.14s)' });
  assert.equal(result.message, '');
});

test('an error message holding `" ` is read up to the quote that precedes the timestamp', () => {
  const result = entry(parse('error.message="dial "10.0.0.1" refused" 2026-11-20T09:14:09Z proxy[4d895d5ec41638] sin [error]'));
  assert.equal(result.http?.errorMessage, 'dial "10.0.0.1" refused');
});

test('an entry without provider names its instance, bracketed (spec) or bare (flyctl source)', () => {
  const bracketed = entry(parse('2026-11-20T09:14:03Z [4d895d5ec41638] sin [info]hello'));
  assert.equal(bracketed.instance, '4d895d5ec41638');
  assert.equal(bracketed.provider, '');
  const bare = entry(parse('2026-11-20T09:14:03Z 4d895d5ec41638 sin [info]hello'));
  assert.equal(bare.instance, '4d895d5ec41638');
  assert.equal(bare.provider, '');
  const providerOnly = entry(parse('2026-11-20T09:14:03Z proxy sin [info]hello'));
  assert.equal(providerOnly.provider, 'proxy');
  assert.equal(providerOnly.instance, '');
});

test('empty source, region and level are read as empty', () => {
  const result = entry(parse('2026-11-20T09:14:03Z   []message'));
  assert.deepEqual([result.provider, result.instance, result.region, result.level, result.message], ['', '', '', '', 'message']);
});

test('colours inside the message are removed too', () => {
  assert.equal(entry(parse('2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]\x1b[31mred\x1b[39m text')).message, 'red text');
});

test('emoji and non-ASCII text are kept', () => {
  const result = entry(parse(renderPlain(flyLogEntry({ level: 'warn', message: '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream' }))));
  assert.equal(result.message, '🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream');
  assert.equal(result.level, 'warn');
});

test('lines without the prefix are continuations', () => {
  for (const line of ['    at Object.<anonymous> (/app/dist/server.js:12:7)', '', 'Error: connect ECONNREFUSED 127.0.0.1:6379',
    '2026-11-20 09:14:03 plain text that starts with a date', '{"level":"info","message":"x"}', 'error.message is mentioned here',
    '2026-11-20T09:14:03Z only a timestamp']) {
    assert.equal(parse(line), NO_PREFIX, line);
  }
});

test('a line shaped like an entry whose timestamp is not a date is unparsed', () => {
  assert.equal(parse('2026-13-45T09:14:03Z app[4d895d5ec41638] sin [info]hello'), BAD_TIME);
});

test('a timestamp with an offset or fraction is normalised and keeps its digits', () => {
  const result = entry(parse('2026-11-20T16:14:03.25+07:00 app[4d895d5ec41638] sin [info]x'));
  assert.equal(result.time, '2026-11-20T09:14:03.25Z');
  assert.equal(result.precision, 'subsecond');
});

test('a 200 KB message is read whole', () => {
  const message = 'Request started: GET /api/v2/bali-zero/chat-stream?query=' + 'x'.repeat(200_000);
  assert.equal(entry(parse(`2026-11-20T09:14:03Z app[4d895d5ec41638] sin [debug]${message}`)).message, message);
});
