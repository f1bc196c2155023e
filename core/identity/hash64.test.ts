import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hash64 } from './hash64.ts';

test('the same parts give the same hash, other parts another', () => {
  assert.equal(new Hash64().update('a').update('b').digest(), new Hash64().update('a').update('b').digest());
  assert.notEqual(new Hash64().update('ab').update('c').digest(), new Hash64().update('a').update('bc').digest());
});

test('a million distinct short texts give a million distinct hashes', () => {
  const seen = new Set<bigint>();
  for (let i = 0; i < 1_000_000; i++) seen.add(new Hash64().update('2026-11-20T09:14:03Z').update(`[PC01] refused ${i}`).digest());
  assert.equal(seen.size, 1_000_000);
});
