import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend } from './recommendation.ts';
import { target } from '../../testing/fixtures.ts';

const passing = [
  target({ id: 'first-token-avg', actual: 80, pass: true, reason: null }),
  target({ id: 'error-rate', unit: 'fraction', threshold: 0.01, actual: 0.004, pass: true, reason: null }),
  target({ id: 'connection-success', pass: null, reason: 'too few samples' }),
];

test('every judgeable target passing and no open high finding is ready', () => {
  assert.deepEqual(recommend(passing, 0), { verdict: 'ready', reasons: [] });
});

test('an open high finding means roll back, whatever the targets say', () => {
  const result = recommend(passing, 2);
  assert.equal(result.verdict, 'roll-back');
  assert.deepEqual(result.reasons, ['2 high-severity findings are open']);
});

test('an error rate over five times its target means roll back', () => {
  const targets = [target({ id: 'error-rate', unit: 'fraction', threshold: 0.01, actual: 0.06, pass: false, reason: null })];
  assert.equal(recommend(targets, 0).verdict, 'roll-back');
});

test('an error rate just over its target needs fixes and names the failure', () => {
  const targets = [passing[0]!, passing[2]!, target({ id: 'error-rate', unit: 'fraction', threshold: 0.01, actual: 0.013, pass: false, reason: null })];
  assert.deepEqual(recommend(targets, 0), { verdict: 'needs-fixes', reasons: ['Error rate failed'] });
});

test('when open findings could not be checked the verdict carries that caveat', () => {
  assert.deepEqual(recommend(passing, null), { verdict: 'ready', reasons: ['open high-severity findings could not be checked'] });
});
