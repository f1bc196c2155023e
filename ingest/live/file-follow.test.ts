import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScanner } from '../../core/findings/scanner.ts';
import { testKeyMatcher } from '../../core/test-traffic.ts';
import { FileSource } from '../sources/file-source.ts';
import { LivePipeline } from './live-pipeline.ts';
import type { LivePipelineOptions } from './live-pipeline.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';
import { plainTraffic, TRAFFIC_START_MS } from './fixtures/plain-traffic.ts';
import { countStored, oneShotIngest, openTestStore, sleep, storedSet, tempDir, waitFor } from './fixtures/live-test-kit.ts';

function followFile(dbPath: string, filePath: string, extra: Partial<LivePipelineOptions> = {}): LivePipeline {
  return new LivePipeline({
    source: new FileSource({ path: filePath, pollMs: 40 }),
    sourceKey: `file:${filePath}`,
    format: 'auto',
    dbPath,
    openStore: () => openTestStore(dbPath),
    scanner: (secret) => createScanner({ secret }),
    testKeys: testKeyMatcher(),
    retentionDays: 36500,
    timing: { batchMs: 20, flushAfterMs: 60, tickMs: 50 },
    ...extra,
  });
}

test('appends written in odd slices are stored exactly as a one-shot ingest of the whole file stores them', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const text = plainTraffic(0, 400, TRAFFIC_START_MS);
  writeFileSync(file, '');
  const committed: CommittedBatch[] = [];
  // Going quiet lets the held entry out; a loaded test machine must not pause the writer mid-entry for that long.
  const pipeline = followFile(join(dir, 'live.db'), file, {
    onCommitted: (b) => committed.push(b),
    timing: { batchMs: 20, flushAfterMs: 1000, tickMs: 50 },
  });
  await pipeline.start();
  // Slices cut lines and entries anywhere, even inside a multi-byte escape sequence.
  for (let at = 0; at < text.length; ) {
    const size = 1 + ((at * 7919) % 997);
    appendFileSync(file, text.slice(at, at + size));
    at += size;
    if (at % 5 === 0) await sleep(1);
  }
  const expected = await oneShotIngest(join(dir, 'once.db'), text);
  await waitFor(() => countStored(join(dir, 'live.db')) >= expected.count, 5000, 'the followed file to be stored');
  await pipeline.stop();
  const live = storedSet(join(dir, 'live.db'));
  assert.equal(live.count, expected.count);
  assert.deepEqual(live.identities, expected.identities);
  assert.ok(committed.some((b) => b.events.length > 0), 'committed batches carry the events read back from the store');
  assert.ok(committed.some((b) => b.findings.length > 0), 'and the findings (the leaked queries)');
  assert.equal(committed.reduce((n, b) => n + b.entries, 0), expected.count);
});

test('a rotated file is read to its end, and its successor from the start', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  writeFileSync(file, plainTraffic(0, 50, TRAFFIC_START_MS));
  const pipeline = followFile(db, file);
  await pipeline.start();
  await waitFor(() => countStored(db) === 50, 3000, 'the first file');
  // Written just before the rename: it belongs to the old file and must not be lost.
  appendFileSync(file, plainTraffic(50, 60, TRAFFIC_START_MS));
  renameSync(file, `${file}.1`);
  writeFileSync(file, plainTraffic(60, 100, TRAFFIC_START_MS));
  await waitFor(() => countStored(db) === 100, 3000, 'the rotated file and its successor');
  appendFileSync(file, plainTraffic(100, 120, TRAFFIC_START_MS));
  await waitFor(() => countStored(db) === 120, 3000, 'appends to the new file');
  await pipeline.stop();
  const expected = await oneShotIngest(join(dir, 'once.db'), plainTraffic(0, 120, TRAFFIC_START_MS));
  assert.deepEqual(storedSet(db).identities, expected.identities);
});

test('a truncated file is read again from its start, and what it says anew is stored', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  writeFileSync(file, plainTraffic(0, 80, TRAFFIC_START_MS));
  const pipeline = followFile(db, file);
  await pipeline.start();
  await waitFor(() => countStored(db) === 80, 3000, 'the file before truncation');
  truncateSync(file, 0);
  await sleep(120);
  writeFileSync(file, plainTraffic(200, 230, TRAFFIC_START_MS));
  await waitFor(() => countStored(db) === 110, 3000, 'the new text after truncation');
  await pipeline.stop();
  assert.equal(storedSet(db).count, 110);
});

test('a restart reads on from the checkpoint: nothing twice, nothing skipped', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  writeFileSync(file, plainTraffic(0, 100, TRAFFIC_START_MS));
  const first = followFile(db, file);
  await first.start();
  await waitFor(() => countStored(db) === 100, 3000, 'the first run');
  await first.stop();
  // Half an entry: the writer was caught mid-line when the service stopped.
  const more = plainTraffic(100, 150, TRAFFIC_START_MS);
  appendFileSync(file, more.slice(0, 40));
  let duplicates = 0;
  const second = followFile(db, file, { onCommitted: (b) => (duplicates += b.duplicates) });
  await second.start();
  appendFileSync(file, more.slice(40));
  await waitFor(() => countStored(db) === 150, 3000, 'the second run');
  await sleep(150);
  await second.stop();
  assert.equal(storedSet(db).count, 150);
  assert.equal(duplicates, 0, 'nothing already stored was read again');
});

test('a line repeated within one second on both sides of a restart is kept twice', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  const line = '2026-11-20T09:14:03Z health[d8dd799b450738] syd [info] Health check on port 8080 is now passing.\n';
  writeFileSync(file, line);
  const first = followFile(db, file);
  await first.start();
  await waitFor(() => countStored(db) === 1, 3000, 'the first line');
  await first.stop();
  appendFileSync(file, line);
  const second = followFile(db, file);
  await second.start();
  await waitFor(() => countStored(db) === 2, 3000, 'the repeat to be stored as a second entry');
  await second.stop();
});

test('a file that does not exist yet is waited for, and followed once it appears', async () => {
  const dir = tempDir();
  const file = join(dir, 'later.log');
  const db = join(dir, 'live.db');
  const pipeline = followFile(db, file);
  await pipeline.start();
  await waitFor(() => pipeline.sourceStatus().state === 'down', 3000, 'the missing file to be reported');
  assert.equal(pipeline.sourceStatus().reason, `waiting for ${file} to appear`);
  writeFileSync(file, plainTraffic(0, 20, TRAFFIC_START_MS));
  await waitFor(() => countStored(db) === 20, 3000, 'the file once it appeared');
  assert.deepEqual([pipeline.sourceStatus().state, pipeline.sourceStatus().reason], ['running', null]);
  await pipeline.stop();
});
