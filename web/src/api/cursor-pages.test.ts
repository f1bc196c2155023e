import { test } from 'node:test';
import assert from 'node:assert/strict';
import { back, currentCursor, FIRST_PAGE, forward, pageNumber } from './cursor-pages.ts';

test('going forward twice and back once lands on page two with its cursor', () => {
  const trail = back(forward(forward(FIRST_PAGE, 'c2'), 'c3'));
  assert.equal(pageNumber(trail), 2);
  assert.equal(currentCursor(trail), 'c2');
});

test('there is no page after the last one and none before the first', () => {
  assert.equal(forward(FIRST_PAGE, null), FIRST_PAGE);
  assert.equal(back(FIRST_PAGE), FIRST_PAGE);
  assert.equal(currentCursor(FIRST_PAGE), null);
});
