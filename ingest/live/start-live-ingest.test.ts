import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import { startLiveIngest } from './start-live-ingest.ts';
import type { StartLiveIngestOptions } from './start-live-ingest.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';
import { openTestStore, tempDir, TEST_ENV, waitFor } from './fixtures/live-test-kit.ts';

/** Simulated staging traffic into a demo database, committed every 50 ms. */
function simulatedTraffic(dbPath: string): StartLiveIngestOptions {
  return { dbPath, source: { kind: 'simulate', rate: 300, seed: 7 }, env: { ...TEST_ENV }, pipelineTiming: { tickMs: 50 } };
}

test('simulated staging traffic flows through the worker into its own demo database, and stops within 5 s', async () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  const batches: CommittedBatch[] = [];
  const ingest = startLiveIngest(simulatedTraffic(db));
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

test('a worker that dies is restarted: the status says so, and the traffic goes on from the last commit', async (t) => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  const batches: CommittedBatch[] = [];
  const statuses: SourceStatus[] = [];
  const ingest = startLiveIngest({
    ...simulatedTraffic(db),
    workerRestart: { initialMs: 50, maxMs: 50 },
    workerUrl: new URL('./fixtures/dies-once-worker.mjs', import.meta.url),
  });
  // A failed wait must not leave the worker running (the test process would never end).
  t.after(() => ingest.stop());
  ingest.onCommitted((b) => batches.push(b));
  ingest.onStatus((s) => statuses.push(s));
  await ingest.started;
  await waitFor(() => statuses.some((s) => s.state === 'down'), 10_000, 'the worker dying');
  const down = statuses.find((s) => s.state === 'down');
  assert.match(down?.reason ?? '', /the ingest worker stopped unexpectedly \(exit code 3\); restarting/);
  const before = batches.reduce((n, b) => n + b.events.length, 0);
  assert.ok(before > 0, 'events were committed before it died');
  await waitFor(() => ingest.sourceStatus().restarts === 1 && batches.reduce((n, b) => n + b.events.length, 0) > before + 20, 10_000, 'events after the restart');
  const source = ingest.sourceStatus();
  await ingest.stop();
  assert.equal(source.state, 'running');
  assert.ok(source.lastRestartAt !== null, 'the new worker\'s statuses keep the restart');
  const check = openTestStore(db, { readonly: true });
  try {
    const stored = check.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n ?? 0;
    const ids = batches.flatMap((b) => b.events.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, 'no event was pushed twice across the restart');
    assert.equal(ids.length, stored, 'every committed event was pushed, before and after the restart');
  } finally {
    check.close();
  }
});
