import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import { startLiveIngest } from './start-live-ingest.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';
import { openTestStore, tempDir, TEST_ENV, waitFor } from './fixtures/live-test-kit.ts';

test('simulated staging traffic flows through the worker into its own demo database, and stops within 5 s', async () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  const batches: CommittedBatch[] = [];
  const ingest = startLiveIngest({
    dbPath: db,
    source: { kind: 'simulate', rate: 300, seed: 7 },
    env: { ...TEST_ENV },
    pipelineTiming: { tickMs: 50 },
  });
  ingest.onCommitted((b) => batches.push(b));
  assert.equal(ingest.sourceStatus().state, 'starting');
  assert.equal(ingest.sourceStatus().target, 'simulated staging traffic');
  await ingest.started;
  await waitFor(() => batches.some((b) => b.events.length > 0) && ingest.storeStatus().entries > 0, 10_000, 'committed events');
  const source: SourceStatus = ingest.sourceStatus();
  const store: StoreStatus = ingest.storeStatus();
  const began = Date.now();
  await ingest.stop();
  assert.ok(Date.now() - began < 5000, 'stopped within 5 s');

  assert.equal(source.kind, 'simulate');
  assert.equal(source.state, 'running');
  assert.ok(source.lastEntryAt !== null && Math.abs(Date.parse(source.lastEntryAt) - Date.now()) < 60_000, 'simulated times follow the clock');
  assert.equal(store.path, db);
  assert.equal(store.writable, true);
  assert.equal(store.retentionDays, 30);
  assert.ok(store.bytes > 0 && store.entries > 0 && store.oldestEntryAt !== null);
  const check = openTestStore(db, { readonly: true });
  try {
    assert.equal(check.kind, 'demo');
    const stored = check.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n ?? 0;
    const pushed = batches.reduce((n, b) => n + b.events.length, 0);
    assert.equal(pushed, stored, 'every committed event was pushed, and only committed ones');
  } finally {
    check.close();
  }
});

test('simulated traffic refuses a database of real data: the start fails with what to do', async () => {
  const dir = tempDir();
  const db = join(dir, 'real.db');
  openTestStore(db, { kind: 'real' }).close();
  const ingest = startLiveIngest({ dbPath: db, source: { kind: 'simulate', rate: 10, seed: 1 }, env: { ...TEST_ENV } });
  await assert.rejects(ingest.started, /holds real data: simulated traffic goes to its own database/);
  assert.equal(ingest.storeStatus().writable, false);
  assert.equal(ingest.sourceStatus().state, 'down');
  await ingest.stop();
});
