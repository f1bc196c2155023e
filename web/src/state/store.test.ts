import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from './store.ts';

test('subscribers hear of a change and not of a value set to itself', () => {
  const store = createStore({ count: 0 });
  let calls = 0;
  store.subscribe(() => calls++);
  const same = store.get();
  store.set(same);
  assert.equal(calls, 0);
  store.set((previous) => ({ count: previous.count + 1 }));
  assert.equal(calls, 1);
  assert.equal(store.get().count, 1);
});

test('an unsubscribed listener hears nothing more', () => {
  const store = createStore(1);
  let calls = 0;
  const stop = store.subscribe(() => calls++);
  store.set(2);
  stop();
  store.set(3);
  assert.equal(calls, 1);
});
