import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeSpec } from './time-spec.ts';

const now = Date.parse('2026-11-20T12:00:00Z');

test('relative times count back from now', () => {
  assert.equal(parseTimeSpec('-1h', now), Date.parse('2026-11-20T11:00:00Z'));
  assert.equal(parseTimeSpec('-15m', now), Date.parse('2026-11-20T11:45:00Z'));
  assert.equal(parseTimeSpec('-7d', now), Date.parse('2026-11-13T12:00:00Z'));
});

test('ISO times without a zone are UTC, like Fly prints them', () => {
  assert.equal(parseTimeSpec('2026-11-20T09:14:03', now), Date.parse('2026-11-20T09:14:03Z'));
  assert.equal(parseTimeSpec('2026-11-20T09:14:03+02:00', now), Date.parse('2026-11-20T07:14:03Z'));
  assert.equal(parseTimeSpec('2026-11-20', now), Date.parse('2026-11-20T00:00:00Z'));
});

test('anything else is not a time', () => {
  assert.equal(parseTimeSpec('yesterday', now), null);
  assert.equal(parseTimeSpec('-1y', now), null);
  assert.equal(parseTimeSpec('2026-13-45', now), null);
});
