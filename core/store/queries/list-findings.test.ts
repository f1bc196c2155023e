import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listFindings } from './list-findings.ts';
import { setFindingStatus } from './set-finding-status.ts';
import { openTestStore, stagingLines, emailOnlyScanner } from './test-store.ts';
import { addFindings } from './findings-fixture.ts';

test('findings come newest first and filter by rule, severity, status and time', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const ids = addFindings(s.store, ['plaintext-query', 'email', 'phone', 'ip-address', 'plaintext-query']);
  assert.deepEqual(listFindings(s.store, {}).items.map((f) => f.id), [...ids].reverse());
  assert.equal(listFindings(s.store, { rule: 'plaintext-query' }).items.length, 2);
  assert.equal(listFindings(s.store, { severity: 'high' }).items.length, 3);
  assert.equal(listFindings(s.store, { fromMs: Date.parse('2026-11-20T09:00:01Z'), toMs: Date.parse('2026-11-20T09:00:03Z') }).items.length, 2);
  setFindingStatus(s.store, emailOnlyScanner, ids[1] as number, { status: 'resolved', note: 'fixed in #12', reviewer: 'dpo' });
  const resolved = listFindings(s.store, { status: 'resolved' }).items;
  assert.deepEqual(resolved.map((f) => f.id), [ids[1]]);
  assert.equal(resolved[0]?.history[0]?.note, 'fixed in #12');
  assert.equal(listFindings(s.store, { status: 'open' }).items.length, 4);
});

test('finding pages follow the cursor to the end', (t) => {
  const s = openTestStore(stagingLines());
  t.after(() => s.cleanup());
  const ids = addFindings(s.store, ['email', 'email', 'email', 'email', 'email']);
  const first = listFindings(s.store, { limit: 2 });
  const second = listFindings(s.store, { limit: 2, cursor: first.next });
  const third = listFindings(s.store, { limit: 2, cursor: second.next });
  assert.deepEqual([...first.items, ...second.items, ...third.items].map((f) => f.id), [...ids].reverse());
  assert.equal(third.next, null);
});
