import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLiveFeed } from './live-feed.ts';
import { createManualScheduler } from '../testing/manual-scheduler.ts';
import { health, report, storedEvent } from '../testing/fixtures.ts';

test('a burst of messages reaches the page as one update, and the next no sooner than a second later', () => {
  const scheduler = createManualScheduler(10_000);
  const feed = createLiveFeed(scheduler);
  let updates = 0;
  feed.data.subscribe(() => updates++);
  for (let id = 1; id <= 30; id++) feed.receive({ type: 'event', event: storedEvent(id) });
  feed.receive({ type: 'metrics', report: report({ entries: 30 }) });
  scheduler.advance(0);
  assert.equal(updates, 1);
  assert.equal(feed.data.get().events.length, 30);

  feed.receive({ type: 'metrics', report: report({ entries: 31 }) });
  scheduler.advance(999);
  assert.equal(updates, 1, 'no second update within the second');
  scheduler.advance(1);
  assert.equal(updates, 2);
  assert.equal(feed.data.get().report?.entries, 31);
});

test('a snapshot is shown at once, with whatever was waiting before it', () => {
  const scheduler = createManualScheduler();
  const feed = createLiveFeed(scheduler);
  feed.receive({ type: 'event', event: storedEvent(1) });
  scheduler.advance(0);
  feed.receive({ type: 'event', event: storedEvent(2) });
  feed.receive({ type: 'snapshot', report: report(), events: [], health: health() });
  assert.deepEqual(feed.data.get().events.map((event) => event.id), [2, 1]);
  assert.ok(feed.data.get().health);
  assert.deepEqual(scheduler.pending(), [], 'the waiting timer was cancelled');
});

test('a disposed feed applies nothing that was waiting', () => {
  const scheduler = createManualScheduler();
  const feed = createLiveFeed(scheduler);
  feed.receive({ type: 'event', event: storedEvent(1) });
  feed.dispose();
  scheduler.advance(5000);
  assert.equal(feed.data.get().events.length, 0);
});
