import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store.ts';
import { StoreWriter } from './store-writer.ts';
import { QueryHashMacs } from './query-hash-macs.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'query-hash-macs-tests-secret-query-hash-macs' };
const mac = (n: number): string => n.toString(16).padEnd(64, 'b');

test('leaked query hashes past what memory holds are asked of the store, with the same answers', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  for (const limit of [1000, 2]) {
    const macs = new QueryHashMacs(store.db, limit);
    for (let i = 0; i < 5; i++) macs.add(mac(100 + i), 'leaked', i + 1);
    macs.add(mac(200), 'audit', 9);
    assert.deepEqual([100, 104, 200, 300].map((n) => macs.hasLeaked(mac(n))), [true, true, false, false], `limit ${limit}`);
    // A fresh reader asks the store.
    assert.deepEqual([100, 104, 300].map((n) => new QueryHashMacs(store.db, limit).hasLeaked(mac(n))), [true, true, false]);
  }
});

test('a leaked hash remembered in a transaction that rolled back is not held', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  assert.throws(() =>
    writer.transaction(() => {
      writer.addQueryHashMac(mac(1), 'leaked', 1);
      assert.equal(writer.hasLeakedQueryHashMac(mac(1)), true);
      throw new Error('the batch failed');
    }),
  );
  assert.equal(writer.hasLeakedQueryHashMac(mac(1)), false);
});
