import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store.ts';
import { StoreWriter } from './store-writer.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'store-writer-tests-secret-store-writer-tests' };
const mac = (n: number): string => n.toString(16).padEnd(64, 'b');

test('leaked query hashes past what memory holds are asked of the store, with the same answers', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  for (const limit of [1000, 2]) {
    const writer = new StoreWriter(store.db, limit);
    writer.transaction(() => {
      for (let i = 0; i < 5; i++) writer.addQueryHashMac(mac(100 + i), 'leaked', i + 1);
      writer.addQueryHashMac(mac(200), 'audit', 9);
    });
    assert.deepEqual([100, 104, 200, 300].map((n) => writer.hasLeakedQueryHashMac(mac(n))), [true, true, false, false], `limit ${limit}`);
    // A fresh writer reads what the store holds.
    assert.deepEqual([100, 104, 300].map((n) => new StoreWriter(store.db, limit).hasLeakedQueryHashMac(mac(n))), [true, true, false]);
  }
});
