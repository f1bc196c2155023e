import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StagingLog, storeWith } from './staging-log.ts';
import { fingerprintSeenBefore } from './fingerprint-seen-before.ts';

test('a high fingerprint is new at its first finding and seen before at every later one, across batches', (t) => {
  const log = new StagingLog(Date.parse('2026-11-20T09:00:00Z'));
  for (let s = 0; s < 6; s++) log.startingStream(s, `conn_seen_${s}`);
  // The third and sixth lines leak the value of the first.
  const first = log.entries[0]?.findings[0]?.fingerprint as string;
  for (const i of [2, 5]) (log.entries[i]?.findings[0] as { fingerprint: string }).fingerprint = first;
  const store = storeWith(log, 4);
  t.after(() => store.close());
  const rows = store.db.prepare<[], { id: number; fingerprint: string }>('SELECT id, fingerprint FROM findings ORDER BY id').all();
  assert.deepEqual(
    rows.map((r) => fingerprintSeenBefore(store, r.fingerprint, r.id)),
    [false, false, true, false, false, true],
  );
});
