import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortFew } from './sort-few.ts';

test('sorts as Array.prototype.sort does, stably, few items or many', () => {
  let seed = 3;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const byKey = (a: [number, number], b: [number, number]): number => a[0] - b[0];
  for (const n of [0, 1, 2, 5, 16, 17, 100]) {
    const items = Array.from({ length: n }, (_, i): [number, number] => [Math.floor(random() * 4), i]);
    const expected = [...items].sort(byKey);
    sortFew(items, byKey);
    assert.deepEqual(items, expected, `${n} items`);
  }
});
