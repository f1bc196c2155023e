import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store.ts';
import { StoreWriter } from './store-writer.ts';
import type { LogEntry } from '../entry.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'entry-inserts-tests-secret-entry-inserts-tests' };

function row(n: number): { entry: LogEntry; identity: bigint; flagged: boolean } {
  const timeMs = Date.parse('2026-11-20T09:00:00Z') + Math.floor(n / 3) * 1000;
  const entry: LogEntry = {
    time: new Date(timeMs).toISOString(), timeMs, precision: 'second', instance: 'a1', provider: 'app', region: 'sin', level: 'info',
    message: `line ${n}`, format: 'plain', unparsed: false, lines: 1,
  };
  return { entry, identity: BigInt(n) * 7919n, flagged: n % 2 === 0 };
}

test('entries are stored many per statement; one the store holds, or that came earlier in the batch, is a duplicate', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  const first = writer.transaction(() => writer.insertEntries(Array.from({ length: 40 }, (_, n) => row(n))));
  assert.deepEqual(first, Array.from({ length: 40 }, (_, n) => n + 1));
  // 70 rows: the 40 already stored, 5 repeated inside the batch, 25 new.
  const again = [...Array.from({ length: 40 }, (_, n) => row(n)), ...Array.from({ length: 5 }, () => row(100)), ...Array.from({ length: 25 }, (_, n) => row(200 + n))];
  const ids = writer.transaction(() => writer.insertEntries(again));
  assert.equal(ids.slice(0, 40).every((id) => id === null), true, 'the stored ones are duplicates');
  assert.deepEqual(ids.slice(40, 45).map((id) => id !== null), [true, false, false, false, false], 'a repeat within the batch');
  assert.equal(ids.slice(45).every((id) => id !== null), true);
  assert.equal(store.db.prepare('SELECT count(*) FROM entries').pluck().get(), 66);
  const stored = store.db.prepare<[number], { message: string; flagged: number }>('SELECT message, flagged FROM entries WHERE id = ?');
  assert.deepEqual(stored.get(ids[50] as number), { message: 'line 205', flagged: 0 });
  assert.equal(store.db.prepare("SELECT sum(n) FROM minute_counts WHERE kind = 'entries'").pluck().get(), 66, 'duplicates are not counted');
});

test('a batch that fails stores no entry, and the next one is numbered from what the store holds', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  writer.transaction(() => writer.insertEntries([row(1)]));
  assert.throws(() =>
    writer.transaction(() => {
      writer.insertEntries(Array.from({ length: 33 }, (_, n) => row(10 + n)));
      throw new Error('the batch failed');
    }),
  );
  assert.deepEqual(writer.transaction(() => writer.insertEntries([row(10)])), [2]);
});
