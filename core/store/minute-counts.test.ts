import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from './store.ts';
import { BatchIngester } from './batch-ingester.ts';
import { StagingLog, ingestLog, prepareLog, storeWith } from './queries/staging-log.ts';
import { testKeyMatcher } from '../test-traffic.ts';
import type { Db } from './open-database.ts';
import { MIGRATIONS } from './migrations.ts';
import { MinuteCountBuffer } from './minute-counts.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const SECRET = { FLIGHT_RECORDER_SECRET: 'minute-count-tests-secret-minute-count-tests' };

/** What `minute_counts` must hold, computed from the rows (the same definitions as migration 2's backfill). */
function recounted(db: Db): string[] {
  return db
    .prepare<[], { kind: string; minute: number; n: number }>(
      `SELECT 'entries' AS kind, time_ms / 60000 AS minute, count(*) AS n FROM entries GROUP BY 2
       UNION ALL SELECT 'event:' || type, time_ms / 60000, count(*) FROM events GROUP BY 1, 2
       UNION ALL SELECT 'proxy:' || coalesce(json_extract(data, '$.code'), 'unknown'), time_ms / 60000, count(*) FROM events
         WHERE type = 'platform.proxy-error' GROUP BY 1, 2
       UNION ALL SELECT 'flagged', m, count(*) FROM (SELECT DISTINCT entry_id, time_ms / 60000 AS m FROM findings) GROUP BY m
       UNION ALL SELECT 'rule:' || rule, m, count(*) FROM (SELECT DISTINCT entry_id, rule, time_ms / 60000 AS m FROM findings) GROUP BY 1, 2
       UNION ALL SELECT 'source:' || rule || char(9) || instance || char(9) || template, m, count(*)
         FROM (SELECT DISTINCT entry_id, rule, instance, template, time_ms / 60000 AS m FROM findings) GROUP BY 1, 2
       UNION ALL SELECT 'open:' || severity, time_ms / 60000, count(*) FROM findings WHERE status = 'open' GROUP BY 1, 2`,
    )
    .all()
    .map((r) => `${r.kind}@${r.minute}=${r.n}`)
    .sort();
}

function kept(db: Db): string[] {
  return db
    .prepare<[], { kind: string; minute: number; n: number }>(
      'SELECT kind, minute, n FROM minute_counts WHERE n <> 0 UNION ALL SELECT kind, minute, n FROM source_minute_counts WHERE n <> 0',
    )
    .all()
    .map((r) => `${r.kind}@${r.minute}=${r.n}`)
    .sort();
}

function busyLog(): StagingLog {
  const log = new StagingLog(START);
  for (let s = 0; s < 400; s += 7) {
    const conn = `conn_m_${s}`;
    log.open(s, conn).firstToken(s + 1, conn, 70).complete(s + 3, conn, { durationMs: 3000, tokens: 30, firstTokenMs: 70 });
  }
  log.fail(100, null).backendError(130).rateLimit(140, 'alice').proxyError(150, 'PC01').proxyError(151, 'PM05').proxyError(152, 'PC01');
  log.machineStart(200).healthFail(205);
  return log;
}

test('the per-minute counts kept at ingest, in batches that share minutes, equal the counts of the rows', (t) => {
  const store = storeWith(busyLog(), 37);
  t.after(() => store.close());
  const expected = recounted(store.db);
  assert.ok(expected.length > 20);
  assert.deepEqual(kept(store.db), expected);
  assert.ok(expected.includes(`proxy:PC01@${Math.floor(START / 60000) + 2}=2`));
  const sources = store.db.prepare('SELECT count(*) FROM source_minute_counts').pluck().get();
  assert.ok(typeof sources === 'number' && sources > 0, 'leak sources are counted by minute first');
  assert.equal(store.db.prepare("SELECT count(*) FROM minute_counts WHERE kind LIKE 'source:%'").pluck().get(), 0);
});

test('ingesting the same log again adds nothing to the counts', (t) => {
  const store = storeWith(busyLog());
  t.after(() => store.close());
  const before = kept(store.db);
  ingestLog(store, busyLog());
  assert.deepEqual(kept(store.db), before);
});

test('a batch that fails leaves no counts behind, and the next batch counts only itself', (t) => {
  const store = storeWith(new StagingLog(START).noise(0));
  t.after(() => store.close());
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  const bad = prepareLog(new StagingLog(START).noise(10).noise(20));
  const broken = bad[1];
  assert.ok(broken);
  // A NOT NULL column left empty: SQLite refuses the second entry, so the batch rolls back.
  (broken.entry as { message: unknown }).message = null;
  assert.throws(() => ingester.ingest(bad, null, null));
  assert.deepEqual(kept(store.db), recounted(store.db));
  ingester.ingest(prepareLog(new StagingLog(START).noise(30)), null, null);
  assert.deepEqual(kept(store.db), recounted(store.db));
  assert.deepEqual(kept(store.db), [`entries@${Math.floor(START / 60000)}=2`]);
});

test('deleting rows, as retention and erasure do, takes them out of the counts', (t) => {
  const store = storeWith(busyLog());
  t.after(() => store.close());
  const cutoff = START + 120_000;
  store.db.prepare('DELETE FROM stored_events WHERE time_ms < ?').run(cutoff);
  store.db.prepare('DELETE FROM entries WHERE time_ms < ?').run(cutoff);
  store.db.prepare('DELETE FROM stored_findings WHERE id IN (SELECT id FROM stored_findings ORDER BY id LIMIT 5)').run();
  assert.deepEqual(kept(store.db), recounted(store.db));
});

test('a review that closes or reopens a finding moves it out of or into the open counts', (t) => {
  const store = storeWith(busyLog());
  t.after(() => store.close());
  const ids = store.db.prepare<[], number>('SELECT id FROM findings ORDER BY id LIMIT 3').pluck().all();
  const review = store.db.prepare('UPDATE stored_findings SET status = ? WHERE id = ?');
  for (const id of ids) review.run('acknowledged', id);
  review.run('resolved', ids[0]);
  assert.deepEqual(kept(store.db), recounted(store.db));
  review.run('open', ids[1]);
  assert.deepEqual(kept(store.db), recounted(store.db));
});

test('a store of the first schema is migrated: its counts come from its rows, its findings keep every column', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-minutes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const current = join(dir, 'current.db');
  const store = Store.open(current, { env: SECRET });
  ingestLog(store, busyLog());
  const expected = recounted(store.db);
  const findings = store.db.prepare('SELECT * FROM findings ORDER BY id').all();
  const connections = store.db.prepare('SELECT mac FROM connection_macs ORDER BY mac').pluck().all();
  assert.ok(connections.length > 10);
  assert.ok(findings.length > 0);
  store.close();

  // The same rows in a store of schema 1, as the first release wrote it.
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.exec(MIGRATIONS[0] as string);
  db.pragma('user_version = 1');
  db.exec(`ATTACH '${current}' AS cur`);
  for (const table of ['meta', 'entries', 'events', 'streams', 'findings', 'query_hash_macs']) {
    db.exec(`INSERT INTO main.${table} SELECT * FROM cur.${table}`);
  }
  // Schema 1 kept whole HMACs; the migration keeps their first 64 bits.
  db.exec(`INSERT INTO main.seen_connections SELECT mac || '${'7'.repeat(48)}' FROM cur.connection_macs`);
  db.exec('DETACH cur');
  db.close();

  const migrated = Store.open(path, { env: SECRET });
  t.after(() => migrated.close());
  assert.equal(migrated.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.deepEqual(kept(migrated.db), expected);
  assert.deepEqual(migrated.db.prepare('SELECT * FROM findings ORDER BY id').all(), findings);
  assert.deepEqual(migrated.db.prepare('SELECT mac FROM connection_macs ORDER BY mac').pluck().all(), connections);
  migrated.db.prepare('DELETE FROM entries WHERE id = (SELECT min(id) FROM entries)').run();
  migrated.db.prepare('DELETE FROM stored_findings WHERE id = (SELECT min(id) FROM stored_findings)').run();
  assert.deepEqual(kept(migrated.db), recounted(migrated.db), 'the migrations install the delete triggers too');
});

test('counts of minutes that come back after another minute add up, and a rolled-back savepoint takes only its own', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const buffer = new MinuteCountBuffer(store.db);
  const at = (minute: number): number => minute * 60_000 + 30_000;
  store.db.transaction(() => {
    for (const m of [5, 5, 6, 5, 7, 6, 6, 5]) buffer.add('entries', at(m));
    const before = buffer.snapshot();
    buffer.add('entries', at(5));
    buffer.add('flagged', at(9));
    buffer.restore(before);
    buffer.add('flagged', at(8));
    buffer.flush();
  })();
  assert.deepEqual(store.db.prepare('SELECT kind, minute, n FROM minute_counts ORDER BY kind, minute').all(), [
    { kind: 'entries', minute: 5, n: 4 },
    { kind: 'entries', minute: 6, n: 3 },
    { kind: 'entries', minute: 7, n: 1 },
    { kind: 'flagged', minute: 8, n: 1 },
  ]);
});
