import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyedHash } from './keyed-hash.ts';
import { rememberedHash } from './remembered-hash.ts';

const input = (id: string): string => `conn:${id}`;

test('the same hash as computing it, each time, for each key', () => {
  const a = createKeyedHash(Buffer.from('secret-a'));
  const b = createKeyedHash(Buffer.from('secret-b'));
  for (const id of ['c1', 'c2', 'c1', 'c3', 'c1']) {
    assert.equal(rememberedHash(a, id, input), a(input(id)));
    assert.equal(rememberedHash(b, id, input), b(input(id)));
  }
  assert.notEqual(rememberedHash(a, 'c1', input), rememberedHash(b, 'c1', input));
});

test('a value is hashed once while remembered', () => {
  let calls = 0;
  const counting = (v: string): string => { calls++; return `h(${v})`; };
  for (let i = 0; i < 5; i++) assert.equal(rememberedHash(counting, 'c9', input), 'h(conn:c9)');
  assert.equal(calls, 1);
});
