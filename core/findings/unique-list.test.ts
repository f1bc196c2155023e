import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UniqueList } from './unique-list.ts';

test('each value once, in the order first added', () => {
  const list = new UniqueList();
  for (const v of ['b', 'a', 'b', 'c', 'a']) list.add(v);
  assert.deepEqual(list.items, ['b', 'a', 'c']);
  assert.ok(list.has('c'));
  assert.ok(!list.has('d'));
});

test('many values behave as few do', () => {
  const list = new UniqueList();
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const v = `v${(i * 7) % 50}`;
    list.add(v);
    seen.add(v);
  }
  assert.deepEqual(list.items, [...seen]);
  for (let i = 0; i < 60; i++) assert.equal(list.has(`v${i}`), seen.has(`v${i}`));
});
