import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from './store.ts';
import { StoreWriter } from './store-writer.ts';
import { StagingLog, ingestLog } from './queries/staging-log.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'seen-connections-tests-secret-seen-connections' };
const mac = (n: number): string => n.toString(16).padEnd(64, 'a');

test('an id seen before a restart makes a reconnect after it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-seen-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'store.db');
  const start = Date.parse('2026-11-20T09:00:00Z');
  const first = Store.open(path, { env: SECRET });
  ingestLog(first, new StagingLog(start).open(0, 'conn_again').complete(5, 'conn_again', { durationMs: 5000, tokens: 9 }));
  first.close();

  const second = Store.open(path, { env: SECRET });
  t.after(() => second.close());
  ingestLog(second, new StagingLog(start + 600_000).open(0, 'conn_again').open(1, 'conn_new'));
  const types = second.db.prepare<[], string>("SELECT type FROM events WHERE type LIKE 'stream.%' ORDER BY id").pluck().all();
  assert.deepEqual(types, ['stream.open', 'stream.close', 'stream.reconnect', 'stream.open']);
});

test('an id remembered in a transaction that rolled back is not seen', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  assert.throws(() =>
    writer.transaction(() => {
      assert.equal(writer.seenBefore(mac(1)), false);
      assert.equal(writer.seenBefore(mac(1)), true);
      throw new Error('the batch failed');
    }),
  );
  writer.transaction(() => {
    assert.equal(writer.seenBefore(mac(1)), false);
    assert.equal(writer.seenBefore(mac(2)), false);
  });
  assert.deepEqual(new StoreWriter(store.db).transaction(() => [writer.seenBefore(mac(2)), writer.seenBefore(mac(3))]), [true, false]);
});
