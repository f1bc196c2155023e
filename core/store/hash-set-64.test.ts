import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { HashSet64 } from './hash-set-64.ts';

const key = (i: number): string => createHash('sha256').update(String(i)).digest('hex').slice(0, 16);

test('holds what was added, through growth, and nothing else', () => {
  const set = new HashSet64(4);
  for (let i = 0; i < 50_000; i++) assert.equal(set.add(key(i)), true);
  assert.equal(set.size, 50_000);
  for (let i = 0; i < 50_000; i++) assert.equal(set.add(key(i)), false);
  for (let i = 0; i < 50_000; i++) assert.ok(set.has(key(i)));
  for (let i = 50_000; i < 60_000; i++) assert.ok(!set.has(key(i)));
  set.clear();
  assert.equal(set.size, 0);
  assert.ok(!set.has(key(1)));
});

test('keys that share their low half stay apart, and the all-zero key is held too', () => {
  const set = new HashSet64();
  for (const k of ['00000000deadbeef', '00000001deadbeef', 'ffffffffdeadbeef', '0000000000000000']) set.add(k);
  assert.ok(set.has('00000001deadbeef') && set.has('0000000000000000'));
  assert.ok(!set.has('00000002deadbeef'));
  assert.throws(() => set.add('XYZ'), /16 lower-case hex/);
});
