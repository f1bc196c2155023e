import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SmallMap } from './small-map.ts';

test('gets what was set last for each key, as a Map does', () => {
  const small = new SmallMap<number>();
  const map = new Map<string, number>();
  let seed = 4;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 2000; i++) {
    // A key is a new string each time (as a slice of a log line is): found by its text.
    const key = ['k', String(Math.floor(random() * 6))].join('');
    if (random() < 0.5) {
      small.set(key, i);
      map.set(key, i);
    }
    for (let k = 0; k < 8; k++) assert.equal(small.get(`k${k}`), map.get(`k${k}`));
  }
  assert.equal(small.get('none'), undefined);
});
