import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from './store.ts';
import { BatchIngester } from './batch-ingester.ts';
import { eraseSubject, planErasure } from './erase-subject.ts';
import { lookupSubject } from './subject-access.ts';
import { subjectFromEmail, subjectFromKey } from './subject-key.ts';
import { testKeyMatcher } from '../test-traffic.ts';
import { ingestPlainLog } from './queries/test-store.ts';

const USER = 'erase-me-7781';
const EMAIL = 'someone.erasable@example.org';

function log(): string {
  const lines: string[] = [];
  for (let s = 10; s < 40; s++) {
    const ts = `2026-11-20T09:14:${s}Z`;
    lines.push(`${ts} app[4d895d5ec41638] sin [warn]🚨 Rate limit exceeded for user:${USER} on /chat-stream`);
    lines.push(`${ts} app[4d895d5ec41638] sin [warn]{"level":"warn","message":"[AUDIT]","operation":"security.rate_limit_violation","userId":"${USER}","ipAddress":"203.0.113.9","success":false,"metadata":{"limit":20,"window":60}}`);
    lines.push(`${ts} app[4d895d5ec41638] sin [warn]🚨 Rate limit exceeded for user:${EMAIL} on /chat-stream`);
    lines.push(`${ts} app[4d895d5ec41638] sin [info]{"level":"info","message":"[AUDIT]","operation":"stream.chat","userId":"other-user","success":true,"metadata":{"connectionId":"conn_1732190000${s}_keepme","queryHash":"a1b2c3d4e5f60718","queryLength":9}}`);
  }
  return lines.join('\n') + '\n';
}

function fileBytes(db: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((x) => existsSync(db + x)).map((x) => readFileSync(db + x)));
}

test('erasing a key deletes its every trace, and its bytes are gone from the database files', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-erase-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'e.db');
  const store = Store.open(db, { env: { FLIGHT_RECORDER_SECRET: 'erase-test-secret-erase-test-secret' } });
  t.after(() => store.close());
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  ingestPlainLog(ingester, log(), store.secret, 7);
  assert.ok(fileBytes(db).includes(USER), 'the user id is stored before the erasure (it is no finding)');

  const subject = subjectFromKey(`user:${USER}`, store.secret);
  const before = lookupSubject(store, subject);
  assert.equal(before.entries, 60);
  assert.equal(before.events, 30);
  const plan = planErasure(store, subject).counts;

  const erased = eraseSubject(store, subject);
  assert.equal(erased.entries, 60);
  assert.deepEqual(plan, erased, 'lookup tells beforehand what erase deletes');
  assert.equal(fileBytes(db).includes(USER), false, 'no byte of the id is left in the database, its WAL or its shm');
  assert.equal(lookupSubject(store, subject).entries, 0);
  assert.equal(lookupSubject(store, subjectFromEmail(EMAIL.toUpperCase(), store.secret)).findings, 30, 'another person is untouched');
  const kept = store.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM events WHERE type = 'stream.open'").get();
  assert.equal(kept?.n, 30);
});

test('erasing an e-mail finds it by fingerprint, whatever its case', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-erase-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = Store.open(join(dir, 'e.db'), { env: { FLIGHT_RECORDER_SECRET: 'erase-test-secret-erase-test-secret' } });
  t.after(() => store.close());
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  ingestPlainLog(ingester, log(), store.secret);
  const subject = subjectFromEmail('Someone.Erasable@Example.org', store.secret);
  const plan = planErasure(store, subject).counts;
  const erased = eraseSubject(store, subject);
  assert.equal(erased.entries, 30);
  assert.equal(erased.events, 30);
  assert.deepEqual(plan, erased, 'lookup tells beforehand what erase deletes');
  assert.equal(lookupSubject(store, subjectFromKey(`user:${EMAIL}`, store.secret)).findings, 0);
});

test('an erased value leaves finding_values, and a writer on another connection stores it again when it recurs', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-erase-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env = { FLIGHT_RECORDER_SECRET: 'erase-test-secret-erase-test-secret' };
  const path = join(dir, 'e.db');
  // The ingest keeps its connection (and what its writer remembers) across the erasure, as the live service does.
  const ingestStore = Store.open(path, { env });
  t.after(() => ingestStore.close());
  const ingester = new BatchIngester(ingestStore.db, { secret: ingestStore.secret, testKeys: testKeyMatcher() });
  ingestPlainLog(ingester, log(), ingestStore.secret);
  const subject = subjectFromEmail(EMAIL, ingestStore.secret);
  const values = (s: Store): number => s.db.prepare<[string], number>('SELECT count(*) FROM finding_values WHERE fingerprint = ?').pluck().get(subject.fingerprint) ?? 0;
  assert.equal(values(ingestStore), 1);
  const others = ingestStore.db.prepare<[], number>('SELECT count(*) FROM finding_values').pluck().get() ?? 0;

  const eraser = Store.open(path, { env });
  eraseSubject(eraser, subject);
  eraser.close();
  assert.equal(values(ingestStore), 0);
  assert.equal(ingestStore.db.prepare('SELECT count(*) FROM finding_values').pluck().get(), others - 1, 'values that other findings hold stay');

  const again = `2026-11-20T09:15:00Z app[4d895d5ec41638] sin [warn]🚨 Rate limit exceeded for user:${EMAIL} on /chat-stream\n`;
  ingestPlainLog(ingester, again, ingestStore.secret);
  assert.equal(values(ingestStore), 1);
  assert.equal(lookupSubject(ingestStore, subject).findings, 1, 'the new finding is found through its stored value');
});
