import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hash64, toInt64 } from './hash64.ts';

test('the same parts give the same hash, other parts another', () => {
  assert.equal(new Hash64().update('a').update('b').digest(), new Hash64().update('a').update('b').digest());
  assert.notEqual(new Hash64().update('ab').update('c').digest(), new Hash64().update('a').update('bc').digest());
});

test('a million distinct short texts give a million distinct hashes', () => {
  const seen = new Set<bigint>();
  for (let i = 0; i < 1_000_000; i++) seen.add(new Hash64().update('2026-11-20T09:14:03Z').update(`[PC01] refused ${i}`).digest());
  assert.equal(seen.size, 1_000_000);
});

test('the halves become the signed 64-bit integer SQLite stores, the sign bit included', () => {
  const cases: [number, number, bigint][] = [
    [0, 0, 0n],
    [0, 1, 1n],
    [1, 0, 4294967296n],
    [0x7fffffff, 0xffffffff, 9223372036854775807n],
    [0x80000000, 0, -9223372036854775808n],
    [0xffffffff, 0xffffffff, -1n],
    [0xdeadbeef, 0x12345678, -2401053092306725256n],
  ];
  for (const [high, low, expected] of cases) assert.equal(toInt64(high, low), expected);
});
