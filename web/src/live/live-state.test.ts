import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMessages, EMPTY_LIVE_DATA, EVENT_LIMIT, mergeNewest } from './live-state.ts';
import { health, report, storedEvent, storedFinding } from '../testing/fixtures.ts';

test('the event list keeps the newest events first and never more than its limit', () => {
  let state = EMPTY_LIVE_DATA;
  for (let id = 1; id <= EVENT_LIMIT + 50; id++) state = applyMessages(state, [{ type: 'event', event: storedEvent(id) }], id);
  assert.equal(state.events.length, EVENT_LIMIT);
  assert.equal(state.events[0]?.id, EVENT_LIMIT + 50);
  assert.equal(state.events.at(-1)?.id, 51);
  assert.equal(state.eventCount, EVENT_LIMIT + 50);
});

test('a snapshot after a reconnect does not repeat events the page already holds', () => {
  const before = applyMessages(EMPTY_LIVE_DATA, [{ type: 'event', event: storedEvent(5) }, { type: 'event', event: storedEvent(6) }], 1);
  const after = applyMessages(before, [{ type: 'snapshot', report: report(), health: health(), events: [storedEvent(7), storedEvent(6), storedEvent(4)] }], 2);
  assert.deepEqual(after.events.map((event) => event.id), [7, 6, 5, 4]);
  assert.equal(after.eventCount, 2, 'snapshot events are history, not new arrivals');
});

test('the latest metrics report of a batch wins and records when it came', () => {
  const first = report({ entries: 1 });
  const second = report({ entries: 2 });
  const state = applyMessages(EMPTY_LIVE_DATA, [{ type: 'metrics', report: first }, { type: 'metrics', report: second }], 1234);
  assert.equal(state.report, second);
  assert.equal(state.reportAt, 1234);
});

test('slices a batch does not touch keep their identity, so their views do not redraw', () => {
  const start = applyMessages(EMPTY_LIVE_DATA, [{ type: 'metrics', report: report() }, { type: 'event', event: storedEvent(1) }], 1);
  const next = applyMessages(start, [{ type: 'finding', finding: storedFinding(9) }], 2);
  assert.equal(next.report, start.report);
  assert.equal(next.events, start.events);
  assert.equal(next.findings[0]?.id, 9);
  assert.equal(applyMessages(next, [], 3), next);
});

test('a status message replaces the health and nothing else', () => {
  const degraded = health({ status: 'degraded' });
  const state = applyMessages(EMPTY_LIVE_DATA, [{ type: 'status', health: degraded }], 1);
  assert.equal(state.health, degraded);
  assert.equal(state.report, null);
});

test('merging nothing returns the same list', () => {
  const list = [storedEvent(1)];
  assert.equal(mergeNewest(list, [], 10), list);
});
