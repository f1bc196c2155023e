import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend } from './recommendation.ts';
import { sampleReport, withTarget } from './sample-report.ts';

test('every judgeable target passing and no high finding open is ready', () => {
  const r = sampleReport();
  assert.ok(r.targets.every((t) => t.pass === true));
  assert.deepEqual(recommend(r), { verdict: 'ready', reasons: [] });
  // A target the logs cannot judge does not stand in the way.
  assert.equal(recommend(withTarget(r, 'inter-token-avg', { pass: null, reason: 'no inter-token estimates in the window' })).verdict, 'ready');
});

test('a failed target needs fixes, and the verdict names it with its figure', () => {
  const r = withTarget(sampleReport(), 'first-token-avg', { actual: 142.4, pass: false });
  assert.deepEqual(recommend(r), { verdict: 'needs-fixes', reasons: ['First token latency (average) failed: 142 ms (target < 100 ms)'] });
});

test('an open high finding means roll back, whatever the targets say', () => {
  const r = sampleReport({ gdpr: { ...sampleReport().gdpr, openHigh: 2, openBySeverity: { high: 2, medium: 0, low: 0 } } });
  assert.deepEqual(recommend(r), { verdict: 'roll-back', reasons: ['2 high-severity GDPR findings are open'] });
});

test('an error rate over five times its target means roll back; up to five times it needs fixes', () => {
  const over = withTarget(sampleReport(), 'error-rate', { actual: 0.051, pass: false });
  assert.equal(recommend(over).verdict, 'roll-back');
  assert.match(recommend(over).reasons[0] ?? '', /error rate \(5\.10 %\) is over 5 times its target \(< 1 %\)/);
  assert.equal(recommend(withTarget(sampleReport(), 'error-rate', { actual: 0.05, pass: false })).verdict, 'needs-fixes');
  // Too few attempts to judge: a 50 % error rate of 2 attempts is no reason to roll back.
  assert.equal(recommend(withTarget(sampleReport(), 'error-rate', { actual: 0.5, pass: null, reason: 'too few attempts to judge (2 < 20)' })).verdict, 'ready');
});

test('a window where no target can be judged is not ready', () => {
  const r = sampleReport();
  const blind = { ...r, targets: r.targets.map((t) => ({ ...t, pass: null, reason: 'no log entries in the window' })) };
  const rec = recommend(blind);
  assert.equal(rec.verdict, 'needs-fixes');
  assert.match(rec.reasons[0] ?? '', /no target could be judged/);
});
