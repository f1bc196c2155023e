import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFindingStatus } from './set-finding-status.ts';
import type { TextScanner } from './set-finding-status.ts';
import { openTestStore, stagingLines, emailOnlyScanner } from './test-store.ts';
import { addFindings } from './findings-fixture.ts';

test('a status change keeps every step, with the note and reviewer redacted like log text', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const [id] = addFindings(s.store, ['plaintext-query']) as [number];
  const first = setFindingStatus(s.store, emailOnlyScanner, id, { status: 'acknowledged', note: 'asked jane.doe@example.com to fix', reviewer: 'dpo@example.org' }, Date.parse('2026-11-21T08:00:00Z'));
  assert.equal(first?.status, 'acknowledged');
  const second = setFindingStatus(s.store, emailOnlyScanner, id, { status: 'resolved', note: 'deployed', reviewer: 'Ana' }, Date.parse('2026-11-22T08:00:00Z'));
  assert.deepEqual(second?.history, [
    { status: 'acknowledged', note: 'asked [REDACTED:email] to fix', reviewer: '[REDACTED:email]', at: '2026-11-21T08:00:00.000Z' },
    { status: 'resolved', note: 'deployed', reviewer: 'Ana', at: '2026-11-22T08:00:00.000Z' },
  ]);
  const stored = s.store.db.prepare<[], { note: string; reviewer: string }>('SELECT note, reviewer FROM finding_history').all();
  assert.doesNotMatch(JSON.stringify(stored), /jane\.doe|dpo@/);
});

test('a note the scanner cannot read is not kept at all', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const [id] = addFindings(s.store, ['email']) as [number];
  const broken: TextScanner = { scan: () => { throw new RangeError('boom'); } };
  const f = setFindingStatus(s.store, broken, id, { status: 'acknowledged', note: 'call +62 812 3456 7890', reviewer: 'x' });
  assert.equal(f?.history[0]?.note, '[REDACTED]');
});

test('an unknown finding changes nothing', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  assert.equal(setFindingStatus(s.store, emailOnlyScanner, 999, { status: 'resolved', note: '', reviewer: 'x' }), null);
  assert.equal(s.store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM finding_history').get()?.n, 0);
});
