import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store.ts';
import { StoreWriter } from './store-writer.ts';
import type { Finding } from '../findings/finding.ts';
import type { LogEntry } from '../entry.ts';

// Entries and findings get their ids from the writer and are written many per statement (NumberedInserts).
const SECRET = { FLIGHT_RECORDER_SECRET: 'numbered-inserts-tests-secret-numbered-inserts' };
const ENTRY = { timeMs: Date.parse('2026-11-20T09:00:00Z'), time: '2026-11-20T09:00:00Z', instance: '5683606c41098e', provider: 'app' };

function finding(n: number, rule: Finding['rule'] = 'ip-address'): Finding {
  return {
    rule,
    severity: rule === 'ip-address' ? 'low' : 'high',
    source: 'message',
    field: n % 2 === 0 ? 'ip' : 'message',
    start: n,
    end: n + 13,
    length: 13,
    preview: `24…${n}`,
    fingerprint: n.toString(16).padStart(64, '0'),
  };
}

function storedIds(store: Store): number[] {
  return store.db.prepare<[], number>('SELECT id FROM findings ORDER BY id').pluck().all();
}

test('findings gathered in a transaction are written at its end, many per statement, with the ids given at once', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  const entry: LogEntry = {
    ...ENTRY, precision: 'second', region: 'sin', level: 'info', message: 'GET /x - 24…', format: 'plain', unparsed: false, lines: 1,
  };
  const [entryId] = writer.transaction(() => writer.insertEntries([{ entry, identity: 7n, flagged: true }]));
  assert.equal(entryId, 1);
  // 70 rows: two full statements of 32 and six alone.
  const given = writer.transaction(() => Array.from({ length: 70 }, (_, n) => writer.insertFinding(1, ENTRY, { finding: finding(n), template: 'GET /x - <…>' })));
  assert.deepEqual(given, Array.from({ length: 70 }, (_, n) => n + 1));
  assert.deepEqual(storedIds(store), given);
  const row = store.db.prepare('SELECT * FROM findings WHERE id = 4').get();
  assert.deepEqual(row, {
    id: 4, entry_id: 1, time_ms: ENTRY.timeMs, time: ENTRY.time, instance: ENTRY.instance, provider: 'app', rule: 'ip-address',
    severity: 'low', source: 'message', field: 'message', start: 3, end: 16, length: 13, preview: '24…3',
    fingerprint: finding(3).fingerprint, template: 'GET /x - <…>', status: 'open',
  });
  // Two fields and one template: two kinds, however many findings.
  assert.equal(store.db.prepare('SELECT count(*) FROM finding_kinds').pluck().get(), 2);
});

test('a failed batch leaves no finding, and the next batch counts on from what the store holds', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  writer.transaction(() => writer.insertFinding(1, ENTRY, { finding: finding(1), template: 'a <…>' }));
  assert.throws(() =>
    writer.transaction(() => {
      for (let n = 0; n < 40; n++) writer.insertFinding(2, ENTRY, { finding: finding(n, 'email'), template: 'b <…>' });
      throw new Error('the batch failed');
    }),
  );
  // Another writer (a second process, say) took the next id meanwhile: ids are asked of the store again.
  const other = new StoreWriter(store.db);
  other.transaction(() => other.insertFinding(3, ENTRY, { finding: finding(2), template: 'a <…>' }));
  const id = writer.transaction(() => writer.insertFinding(4, ENTRY, { finding: finding(3, 'email'), template: 'b <…>' }));
  assert.equal(id, 3);
  assert.deepEqual(storedIds(store), [1, 2, 3]);
  assert.equal(store.db.prepare("SELECT n FROM minute_counts WHERE kind = 'rule:email'").pluck().get(), 1, 'the failed batch counted nothing');
});

test('a savepoint that rolls back drops its own findings only', (t) => {
  const store = Store.open(':memory:', { env: SECRET });
  t.after(() => store.close());
  const writer = new StoreWriter(store.db);
  writer.transaction(() => {
    writer.insertFinding(1, ENTRY, { finding: finding(1), template: 'a <…>' });
    assert.throws(() =>
      writer.transaction(() => {
        writer.insertFinding(2, ENTRY, { finding: finding(2), template: 'a <…>' });
        throw new Error('the inner part failed');
      }),
    );
    writer.insertFinding(3, ENTRY, { finding: finding(3), template: 'a <…>' });
  });
  assert.deepEqual(store.db.prepare('SELECT id, entry_id FROM findings ORDER BY id').all(), [
    { id: 1, entry_id: 1 },
    { id: 2, entry_id: 3 },
  ]);
});

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
