import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCoverage, historyNewestFirst, isStoredFinding, nextStatuses, ruleCounts, ruleLabel, withStatusChange } from './finding-logic.ts';
import { storedFinding } from '../../testing/fixtures.ts';

test('an open finding can be acknowledged or resolved, a resolved one reopened', () => {
  assert.deepEqual(nextStatuses('open'), ['acknowledged', 'resolved']);
  assert.deepEqual(nextStatuses('resolved'), ['open', 'acknowledged']);
});

test('hash coverage reads as a share of stream opens, or says there were none', () => {
  assert.equal(formatCoverage(0.973), '97.3 % of stream opens carry a well-formed queryHash');
  assert.equal(formatCoverage(null), 'no stream opens in this window');
});

test('every rule is counted, the largest first and zero counts kept', () => {
  const counts = ruleCounts({ email: 3, 'plaintext-query': 12 });
  assert.equal(counts.length, 8);
  assert.deepEqual(counts.slice(0, 2).map((entry) => entry.rule), ['plaintext-query', 'email']);
  assert.equal(counts.at(-1)?.count, 0);
  assert.equal(counts.at(-1)?.severity, 'low', 'among zeros, high severities come first');
});

test('a status change without an answer is applied locally, keeping the history', () => {
  const finding = storedFinding(3, { history: [{ status: 'open', note: '', reviewer: 'system', at: '2025-03-10T13:10:00Z' }] });
  const change = { status: 'acknowledged', note: 'template fixed in PR 412', reviewer: 'ana', at: '2025-03-10T15:00:00Z' } as const;
  const updated = withStatusChange(finding, change);
  assert.equal(updated.status, 'acknowledged');
  assert.equal(updated.history.length, 2);
  assert.equal(historyNewestFirst(updated.history)[0]?.reviewer, 'ana');
  assert.equal(finding.history.length, 1, 'the original is not changed');
});

test('only a finding-shaped answer is taken as the updated finding', () => {
  assert.equal(isStoredFinding(storedFinding(1)), true);
  assert.equal(isStoredFinding({ ok: true }), false);
  assert.equal(isStoredFinding(null), false);
});

test('unknown rules are shown by their id', () => {
  assert.equal(ruleLabel('email'), 'E-mail address');
  assert.equal(ruleLabel('passport'), 'passport');
});
