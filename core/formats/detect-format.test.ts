import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat } from './detect-format.ts';
import { auditOpenLine, flyLogEntry, natsMessage, renderCompactJson, renderJson, renderPlain } from './fixtures.ts';

test('pretty-printed fly logs --json is json', () => {
  assert.equal(detectFormat(renderJson(flyLogEntry({ message: 'hello' }))), 'json');
});

test('a sample cut right after the opening brace is json', () => {
  assert.equal(detectFormat('{\n'), 'json');
});

test('compact --json objects (with meta) are json', () => {
  assert.equal(detectFormat(renderCompactJson(flyLogEntry({ message: 'hello' }))), 'json');
});

test('NATS messages are nats', () => {
  assert.equal(detectFormat(natsMessage({ message: 'hello' }) + '\n' + natsMessage({ message: 'again' }) + '\n'), 'nats');
});

test('winston lines without a Fly prefix are app', () => {
  assert.equal(detectFormat(auditOpenLine('conn_1') + '\n'), 'app');
});

test('plain fly logs, coloured, with an app JSON message, is plain', () => {
  assert.equal(detectFormat(renderPlain(flyLogEntry({ message: ' ' + auditOpenLine('conn_1') }))), 'plain');
});

test('blank lines, colours and garbage before the first recognisable line are skipped', () => {
  assert.equal(detectFormat('\n\x1b[0m\n\ufffd\ufffd garbage\n' + natsMessage({}) + '\n'), 'nats');
  assert.equal(detectFormat('\r\n\r\n' + renderJson(flyLogEntry({})).replace(/\n/g, '\r\n')), 'json');
});

test('a compact line cut off by the end of the sample is judged by its keys', () => {
  assert.equal(detectFormat(natsMessage({ message: 'x'.repeat(100) }).slice(0, 90)), 'nats');
  assert.equal(detectFormat('{"level":"info","message":"[AUDIT]","operation":"stream.ch'), 'app');
});

test('anything unrecognisable, or nothing at all, is plain', () => {
  assert.equal(detectFormat(''), 'plain');
  assert.equal(detectFormat('hello world\nnothing to see\n'), 'plain');
  assert.equal(detectFormat('{"unrelated":true}\n'), 'plain');
});
