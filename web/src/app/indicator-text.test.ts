import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorText } from './indicator-text.ts';

test('a connected page over a running source is live', () => {
  assert.deepEqual(indicatorText({ phase: 'live', attempt: 0, retryAt: null }, 0, 'running'), { tone: 'live', text: 'Live' });
});

test('a connected page over a stalled source does not claim to be live', () => {
  assert.deepEqual(indicatorText({ phase: 'live', attempt: 0, retryAt: null }, 0, 'stalled'), { tone: 'pending', text: 'Connected, source stalled' });
});

test('while waiting to reconnect the indicator counts down whole seconds', () => {
  assert.equal(indicatorText({ phase: 'waiting', attempt: 3, retryAt: 10_000 }, 6_500, null).text, 'Offline, retrying in 4 s');
});
