import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../core/store/store.ts';
import { withBackgroundCheckpoints } from './background-checkpoints.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'checkpoint-tests-secret-checkpoint-tests' };

function tempStore(t: { after: (fn: () => void) => void }): Store {
  const dir = mkdtempSync(join(tmpdir(), 'fr-checkpoint-'));
  const store = Store.open(join(dir, 'store.db'), { env: SECRET });
  t.after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

test('what is written meanwhile reaches the database file, and the automatic checkpoints come back', async (t) => {
  const store = tempStore(t);
  const insert = store.db.prepare("INSERT INTO gaps (from_ms, to_ms, reason) VALUES (?, ?, 'x')");
  const before = statSync(store.path).size;
  await withBackgroundCheckpoints(store, async () => {
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 20_000);
    for (let batch = 0; batch < 40; batch++) {
      store.db.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run(batch * 1000 + i, i);
      })();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  // This connection never checkpointed (its threshold was far above these pages): the other thread did.
  assert.ok(statSync(store.path).size > before + 200_000, 'the rows are in the database file');
  assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 1000);
});

test('a failed write still ends the thread and brings the automatic checkpoints back', async (t) => {
  const store = tempStore(t);
  await assert.rejects(
    withBackgroundCheckpoints(store, async () => {
      throw new Error('the batch failed');
    }),
    /the batch failed/,
  );
  assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 1000);
});

test('a store in memory is written as it is', async () => {
  const store = Store.open(':memory:', { env: SECRET });
  assert.equal(await withBackgroundCheckpoints(store, async () => 7), 7);
  store.close();
});
