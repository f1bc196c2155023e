import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMeasure, targetName, tileStatus } from './target-status.ts';
import { target } from '../../testing/fixtures.ts';

test('a passing latency target shows PASS with its value and the target', () => {
  const status = tileStatus(target({ id: 'first-token-avg', actual: 87.4, pass: true, reason: null }));
  assert.deepEqual(status, { kind: 'pass', label: 'PASS', detail: '87 ms meets < 100 ms' });
});

test('a failing error rate shows FAIL with the rate in percent', () => {
  const status = tileStatus(target({ id: 'error-rate', target: '< 1 %', op: '<', threshold: 0.01, unit: 'fraction', actual: 0.013, pass: false, reason: null }));
  assert.deepEqual(status, { kind: 'fail', label: 'FAIL', detail: '1.3 % misses < 1 %' });
});

test('a target the logs cannot judge says so with the reason, not as a failure', () => {
  const status = tileStatus(target({ id: 'connection-success', pass: null, actual: 1, reason: 'too few samples: 12 attempts, 20 needed' }));
  assert.equal(status.kind, 'unjudged');
  assert.equal(status.label, 'not judgeable');
  assert.equal(status.detail, 'too few samples: 12 attempts, 20 needed');
});

test('values read in their unit', () => {
  assert.equal(formatMeasure(0.9567, 'fraction'), '95.7 %');
  assert.equal(formatMeasure(0.0042, 'fraction'), '0.42 %');
  assert.equal(formatMeasure(4.25, 'per-hour'), '4.3 / h');
  assert.equal(formatMeasure(1, 'entries'), '1 entry');
  assert.equal(formatMeasure(0, 'entries'), '0 entries');
  assert.equal(formatMeasure(3.14159, 'ms'), '3.1 ms');
  assert.equal(formatMeasure(null, 'ms'), '—');
});

test('the inter-token target is named as an estimate and unknown ids show as themselves', () => {
  assert.match(targetName('inter-token-avg'), /estimated/);
  assert.equal(targetName('memory-usage'), 'memory-usage');
});
