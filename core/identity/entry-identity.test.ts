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
