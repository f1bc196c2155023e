import { test } from 'node:test';
import assert from 'node:assert/strict';
import { purgeExpired } from './purge-expired.ts';
import { sweepAuditMacs } from './sweep-audit-macs.ts';
import { Store } from './store.ts';
import { BatchIngester } from './batch-ingester.ts';
import { testKeyMatcher } from '../test-traffic.ts';
import { ingestPlainLog } from './queries/test-store.ts';
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

/** Stream audit lines whose queryHash never leaks: each waits in `query_hash_macs` for its entry. */
function auditLines(fromIso: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const ts = new Date(Date.parse(fromIso) + i * 1000).toISOString().replace('.000Z', 'Z');
    const hash = (0xa1b2c3d4e5f60000 + i * 7919).toString(16).slice(0, 16);
    lines.push(
      `${ts} app[4d895d5ec41638] sin [info]{"level":"info","message":"[AUDIT]","operation":"stream.chat","success":true,"metadata":{"connectionId":"conn_${Date.parse(ts)}_sweepxxxx","queryHash":"${hash}","queryLength":12}}`,
    );
  }
  return lines.join('\n') + '\n';
}

test('retention takes the waiting audit-line hashes of deleted entries with them, a slice per purge', (t) => {
  const store = Store.open(':memory:', { env: { FLIGHT_RECORDER_SECRET: 'purge-test-secret-purge-test-secret' } });
  t.after(() => store.close());
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  const log = auditLines('2026-10-01T09:00:00Z', 30) + auditLines('2026-11-20T09:00:00Z', 20);
  ingestPlainLog(ingester, log, store.secret);
  const waiting = (): number => store.db.prepare<[], number>("SELECT count(*) FROM query_hash_macs WHERE kind = 'audit'").pluck().get() ?? 0;
  assert.equal(waiting(), 50);

  const purged = purgeExpired(store, Date.parse('2026-11-21T00:00:00Z'), 30);
  assert.equal(purged.entries, 30);
  assert.equal(purged.auditMacs, 30);
  assert.equal(waiting(), 20);
  assert.equal(
    store.db.prepare("SELECT count(*) FROM query_hash_macs q JOIN entries e ON e.id = q.entry_id WHERE q.kind = 'audit'").pluck().get(),
    20,
    'the hashes of stored entries stay',
  );

  // A table larger than a sweep is gone through in slices, each starting where the last stopped.
  store.db.exec('DELETE FROM entries');
  const slices = [sweepAuditMacs(store.db, 8), sweepAuditMacs(store.db, 8), sweepAuditMacs(store.db, 8)];
  assert.equal(slices.reduce((a, b) => a + b, 0), 20);
  assert.equal(waiting(), 0);
});
