import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hmacSha256, sha256Hex } from './sha256.ts';

// Lengths around the block boundaries (55/56/64 bytes) and multi-byte UTF-8 are where padding goes wrong.
const values = ['', 'a', 'Hello', 'What is ZANTARA?', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64),
  'x'.repeat(65), 'y'.repeat(119), 'y'.repeat(120), 'z'.repeat(1000), 'jané@exämple.com', '😀 emoji', '日本語のクエリ'.repeat(20)];

test('sha256 matches node:crypto around block boundaries and for multi-byte text', () => {
  for (const v of values) assert.equal(sha256Hex(v), createHash('sha256').update(v, 'utf8').digest('hex'), `length ${v.length}`);
  assert.equal(sha256Hex('', 16), 'e3b0c44298fc1c14');
});

test('hmac matches node:crypto for short, long and random keys', () => {
  const keys = [Buffer.from('x'), Buffer.from('benchmark-secret-benchmark-secret'), Buffer.alloc(64, 7), Buffer.alloc(65, 9), randomBytes(32), randomBytes(200)];
  for (const key of keys) {
    const mac = hmacSha256(key);
    for (const v of values) assert.equal(mac(v), createHmac('sha256', key).update(v, 'utf8').digest('hex'));
  }
});

test('hmac matches node:crypto on random values', () => {
  const key = randomBytes(32);
  const mac = hmacSha256(key);
  for (let i = 0; i < 300; i++) {
    const v = randomBytes(i % 150).toString('latin1');
    assert.equal(mac(v), createHmac('sha256', key).update(v, 'utf8').digest('hex'));
  }
});
