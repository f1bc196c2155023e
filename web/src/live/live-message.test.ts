import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLiveMessage } from './live-message.ts';

test('a metrics frame is read as a metrics message', () => {
  const message = parseLiveMessage('{"type":"metrics","report":{"entries":3}}');
  assert.equal(message?.type, 'metrics');
});

test('frames of unknown type, without their payload, or not JSON are skipped', () => {
  assert.equal(parseLiveMessage('{"type":"hello","report":{}}'), null);
  assert.equal(parseLiveMessage('{"type":"event"}'), null);
  assert.equal(parseLiveMessage('{"type":"snapshot","report":{},"health":{}}'), null);
  assert.equal(parseLiveMessage('{"type":'), null);
  assert.equal(parseLiveMessage('"metrics"'), null);
  assert.equal(parseLiveMessage(new ArrayBuffer(2)), null);
});

test('a type inherited from Object.prototype is not a message type', () => {
  assert.equal(parseLiveMessage('{"type":"toString","toString":{}}'), null);
});
