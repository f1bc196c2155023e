import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataPairs } from './event-kinds.ts';

test("an event's data is shown as sorted pairs, nulls spelled out", () => {
  assert.deepEqual(dataPairs({ tokens: 42, duration: 1840, reconnect: false, queryHash: null }), [
    ['duration', '1840'],
    ['queryHash', 'null'],
    ['reconnect', 'false'],
    ['tokens', '42'],
  ]);
});
