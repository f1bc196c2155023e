import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntryIdentity } from './entry-identity.ts';
import type { LogEntry } from '../entry.ts';

function entry(time: string, message: string, instance = 'a1'): LogEntry {
  return { time, timeMs: Date.parse(time), precision: 'second', instance, provider: 'app', region: 'sin', level: 'info', message, format: 'plain', unparsed: false, lines: 1 };
}

test('a real repeat within one second gets a new identity', () => {
  const id = new EntryIdentity();
  const a = id.next(entry('2026-11-20T09:14:03Z', '[PC01] refused'), []);
  const b = id.next(entry('2026-11-20T09:14:03Z', '[PC01] refused'), []);
  assert.notEqual(a, b);
});

test('a replay in a later run repeats the identities of the first run', () => {
  const first = new EntryIdentity();
  const lines = [entry('2026-11-20T09:14:03Z', 'x'), entry('2026-11-20T09:14:03Z', 'x'), entry('2026-11-20T09:14:04Z', 'y')];
  const ids = lines.map((l) => first.next(l, []));
  // The replay continues in the same identity state, after a later entry ended the run.
  first.next(entry('2026-11-20T09:14:05Z', 'z'), []);
  const replayed = lines.map((l) => first.next(l, []));
  assert.deepEqual(replayed, ids);
});

test('entries that differ only inside a redacted span stay distinct through their fingerprints', () => {
  const id = new EntryIdentity();
  const a = id.next(entry('2026-11-20T09:14:03Z', 'q [REDACTED:email]'), ['fp-a']);
  const b = new EntryIdentity().next(entry('2026-11-20T09:14:03Z', 'q [REDACTED:email]'), ['fp-b']);
  assert.notEqual(a, b);
});

test('another instance makes another entry', () => {
  const a = new EntryIdentity().next(entry('2026-11-20T09:14:03Z', 'x', 'a1'), []);
  const b = new EntryIdentity().next(entry('2026-11-20T09:14:03Z', 'x', 'b2'), []);
  assert.notEqual(a, b);
});

test('identities are pinned: a store written before must recognise a replay after any change here', () => {
  const id = new EntryIdentity();
  const got = [
    id.next(entry('2026-11-20T09:14:03Z', '[PC01] refused'), []),
    id.next(entry('2026-11-20T09:14:03Z', '[PC01] refused'), []),
    id.next(entry('2026-11-20T09:14:03Z', 'q [REDACTED:email] 🙂'), ['fp-a', 'fp-b']),
    id.next(entry('2026-11-20T09:14:04Z', '[PC01] refused'), []),
  ];
  assert.deepEqual(got, [4933999077020757114n, -728736363193216305n, 6656075128802881986n, 8760946166700708114n]);
  assert.deepEqual(id.snapshot(), { time: '2026-11-20T09:14:04Z', counts: { '8760946166700708114': 1 } });
});

test('a long run of one timestamp counts repeats the same as a short one, and survives a snapshot', () => {
  const lines = Array.from({ length: 200 }, (_, i) => entry('2026-11-20T09:14:03Z', `line ${i % 50}`));
  const id = new EntryIdentity();
  const ids = lines.map((l) => id.next(l, []));
  assert.equal(new Set(ids).size, 200, 'the 4 repeats of each of 50 lines are 4 entries each');
  const resumed = new EntryIdentity(id.snapshot());
  const again = new EntryIdentity();
  lines.forEach((l) => again.next(l, []));
  assert.equal(resumed.next(lines[0] as LogEntry, []), again.next(lines[0] as LogEntry, []));
});
