import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { SourceStatus } from '../../core/api.ts';
import { createScanner } from '../../core/findings/scanner.ts';
import { testKeyMatcher } from '../../core/test-traffic.ts';
import { FlySource } from '../sources/fly-source.ts';
import { installFakeFly } from '../sources/fixtures/fake-fly.ts';
import type { FakeFly, FakeFlyRun } from '../sources/fixtures/fake-fly.ts';
import { LivePipeline } from './live-pipeline.ts';
import { startLiveIngest } from './start-live-ingest.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';
import { plainEntry, TRAFFIC_START_MS } from './fixtures/plain-traffic.ts';
import { countStored, oneShotIngest, openTestStore, sleep, storedSet, tempDir, TEST_ENV, waitFor } from './fixtures/live-test-kit.ts';

const ENTRIES = Array.from({ length: 420 }, (_, i) => plainEntry(i, TRAFFIC_START_MS + Math.floor(i / 10) * 1000));

/** A fresh folder with its store's path and a fake `fly` that runs `plan` over ENTRIES. */
function replayPlan(plan: FakeFlyRun[]): { dir: string; db: string; fly: FakeFly } {
  const dir = tempDir();
  return { dir, db: join(dir, 'live.db'), fly: installFakeFly(dir, plan, ENTRIES) };
}

test('fly logs dying halfway and replaying its last 100 entries leaves every entry stored exactly once', async () => {
  const { dir, db, fly } = replayPlan([
    { history: [0, 100], live: [100, 250], then: { exit: 1 } },
    // The restart replays the last 100 entries, and the switch to live repeats a few across a second boundary.
    { history: [150, 250], live: [238, 400], then: 'hang' },
  ]);
  const committed: CommittedBatch[] = [];
  const statuses: SourceStatus[] = [];
  const ingest = startLiveIngest({
    dbPath: db,
    source: { kind: 'fly', app: 'nuzantara-backend' },
    env: { ...TEST_ENV, PATH: `${fly.binDir}:/usr/bin:/bin`, FLY_API_TOKEN: 'fo1_test-token' },
    retentionDays: 36500,
    sourceTiming: { backoff: { initialMs: 20, maxMs: 100 }, killGraceMs: 200 },
    pipelineTiming: { batchMs: 20, flushAfterMs: 50, tickMs: 50 },
  });
  ingest.onCommitted((b) => committed.push(b));
  ingest.onStatus((s) => statuses.push(s));
  await ingest.started;
  await waitFor(() => countStored(db) >= 400, 15_000, 'every entry to be stored');
  await sleep(200);
  const source = ingest.sourceStatus();
  await ingest.stop();

  const expected = await oneShotIngest(join(dir, 'once.db'), ENTRIES.slice(0, 400).join(''), 'plain');
  const live = storedSet(db);
  assert.equal(live.count, 400);
  assert.deepEqual(live.identities, expected.identities);
  assert.deepEqual(live.gaps, [], 'the replay reached back: nothing was missed');
  assert.equal(source.restarts, 1);
  assert.equal(source.reason, 'fly logs exited with code 1');
  assert.equal(source.lastEntryAt, new Date(TRAFFIC_START_MS + 39_000).toISOString().replace('.000Z', 'Z'));
  assert.ok(statuses.some((s) => s.state === 'restarting'), 'listeners heard of the restart');
  assert.equal(committed.reduce((n, b) => n + b.entries, 0), 400);
  assert.ok(committed.reduce((n, b) => n + b.duplicates, 0) >= 100 + 12, 'the replay and the repeats were dropped as duplicates');
  assert.ok(committed.some((b) => b.events.some((e) => e.type === 'stream.open')));
});

test('a restart whose replay does not reach the last stored entry records the gap', async () => {
  const { db, fly } = replayPlan([
    { history: [0, 100], live: [100, 150], then: { exit: 1 } },
    // 150 entries were written while fly logs was down: its replay of 100 starts well after the last stored one.
    { history: [300, 400], live: [400, 420], then: 'hang' },
  ]);
  const pipeline = new LivePipeline({
    source: new FlySource({
      app: 'nuzantara-backend',
      env: { PATH: `${fly.binDir}:/usr/bin:/bin` },
      backoff: { initialMs: 20, maxMs: 100 },
      killGraceMs: 200,
    }),
    sourceKey: 'fly:nuzantara-backend',
    format: 'plain',
    dbPath: db,
    openStore: () => openTestStore(db),
    scanner: (secret) => createScanner({ secret }),
    testKeys: testKeyMatcher(),
    retentionDays: 36500,
    timing: { batchMs: 20, flushAfterMs: 50, tickMs: 50 },
  });
  await pipeline.start();
  await waitFor(() => countStored(db) >= 270, 10_000, 'both runs to be stored');
  await sleep(200);
  await pipeline.stop();
  const live = storedSet(db);
  assert.equal(live.count, 270);
  assert.equal(live.gaps.length, 1);
  const gap = live.gaps[0];
  assert.equal(gap?.from_ms, TRAFFIC_START_MS + 14_000, 'from the last entry stored before the restart');
  assert.equal(gap?.to_ms, TRAFFIC_START_MS + 30_000, 'to the oldest entry of the replay');
  assert.match(gap?.reason ?? '', /^fly logs exited with code 1; its replay did not reach back to the last stored entry/);
});

test('a service restart is judged by the replay of the first fly logs it starts', async () => {
  const dir = tempDir();
  const db = join(dir, 'live.db');
  const fly = installFakeFly(
    dir,
    [
      { history: [0, 100], live: [100, 150], then: 'hang' },
      { history: [300, 400], then: 'hang' },
    ],
    ENTRIES,
  );
  const run = (): LivePipeline =>
    new LivePipeline({
      source: new FlySource({ app: 'nuzantara-backend', env: { PATH: `${fly.binDir}:/usr/bin:/bin` }, killGraceMs: 200 }),
      sourceKey: 'fly:nuzantara-backend',
      format: 'plain',
      dbPath: db,
      openStore: () => openTestStore(db),
      scanner: (secret) => createScanner({ secret }),
      testKeys: testKeyMatcher(),
      retentionDays: 36500,
      timing: { batchMs: 20, flushAfterMs: 50, tickMs: 50 },
    });
  const first = run();
  await first.start();
  await waitFor(() => countStored(db) === 150, 10_000, 'the first service run');
  await first.stop();
  const second = run();
  await second.start();
  await waitFor(() => countStored(db) === 250, 10_000, 'the second service run');
  await sleep(100);
  await second.stop();
  const gaps = storedSet(db).gaps;
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0]?.from_ms, TRAFFIC_START_MS + 14_000);
  assert.match(gaps[0]?.reason ?? '', /^the service was not following the app; its replay did not reach back/);
});
