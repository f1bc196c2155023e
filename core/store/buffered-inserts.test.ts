import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { BufferedInserts } from './buffered-inserts.ts';

function table(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)');
  return db;
}

test('rows wait until flushed, can be changed while they wait, and are written in order whatever their number', () => {
  const db = table();
  const rows = new BufferedInserts<[number, string, number | null]>(db, 't', ['id', 'name', 'n']);
  for (let id = 1; id <= 75; id++) rows.add([id, `row ${id}`, null]);
  assert.equal(db.prepare('SELECT count(*) FROM t').pluck().get(), 0);
  const waiting = rows.waiting(40);
  assert.ok(waiting);
  waiting[2] = 7;
  rows.add([76, 'row 76', null]);
  rows.waiting(76)![2] = 8;
  rows.flush();
  assert.equal(rows.size, 0);
  assert.equal(rows.waiting(40), undefined, 'written rows are changed in the table, not here');
  assert.deepEqual(db.prepare('SELECT count(*) AS c, min(id) AS lo, max(id) AS hi FROM t').get(), { c: 76, lo: 1, hi: 76 });
  assert.deepEqual(db.prepare('SELECT name, n FROM t WHERE id = 40').get(), { name: 'row 40', n: 7 });
  assert.deepEqual(db.prepare('SELECT name, n FROM t WHERE id = 76').get(), { name: 'row 76', n: 8 }, 'a row added after the first question is found too');
});

test('restoring to a size drops the rows added after it, and discarding drops all', () => {
  const db = table();
  const rows = new BufferedInserts<[number, string, number | null]>(db, 't', ['id', 'name', 'n']);
  rows.add([1, 'a', null]);
  const mark = rows.size;
  rows.add([2, 'b', null]);
  assert.ok(rows.waiting(2));
  rows.restore(mark);
  assert.equal(rows.waiting(2), undefined);
  rows.flush();
  rows.add([3, 'c', null]);
  rows.discard();
  rows.flush();
  assert.deepEqual(db.prepare('SELECT id FROM t').pluck().all(), [1]);
});

test('with an upsert clause, a row already stored is updated as the clause says', () => {
  const db = table();
  const rows = new BufferedInserts<[number, string, number | null]>(db, 't', ['id', 'name', 'n'], 'ON CONFLICT(id) DO UPDATE SET n = excluded.n');
  rows.add([1, 'first', null]);
  rows.flush();
  for (let id = 1; id <= 40; id++) rows.add([id, 'later', id * 2]);
  rows.flush();
  assert.deepEqual(db.prepare('SELECT id, name, n FROM t WHERE id IN (1, 40) ORDER BY id').all(), [
    { id: 1, name: 'first', n: 2 },
    { id: 40, name: 'later', n: 80 },
  ]);
});
