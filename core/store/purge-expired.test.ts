import { test } from 'node:test';
import assert from 'node:assert/strict';
import { purgeExpired } from './purge-expired.ts';
import { StagingLog, storeWith } from './queries/staging-log.ts';
import type { Db } from './open-database.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const DAY_MS = 86_400_000;

function findings(db: Db): unknown[] {
  return db.prepare('SELECT id, entry_id, time_ms, time, instance, provider, rule, preview, fingerprint, template, status FROM findings ORDER BY id').all();
}

test('retention deletes old entries and events; their findings stay whole, with the time and instance of their entry', (t) => {
  const log = new StagingLog(START);
  for (let s = 0; s < 600; s += 30) log.open(s, `conn_p_${s}`);
  const store = storeWith(log, 7);
  t.after(() => store.close());
  const before = findings(store.db);
  assert.equal(before.length, 20);

  // Five minutes of the ten are older than 30 days, seen from this "now".
  const purged = purgeExpired(store, START + 300_000 + 30 * DAY_MS, 30);
  assert.equal(purged.entries, 20);
  assert.equal(store.db.prepare('SELECT count(*) FROM entries').pluck().get(), 20);
  assert.deepEqual(findings(store.db), before);
  // The copies are the purged entries' own: the findings of stored entries still read theirs.
  assert.equal(store.db.prepare('SELECT count(*) FROM stored_findings WHERE time IS NOT NULL').pluck().get(), 10);
});
