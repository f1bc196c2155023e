import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockTime, parseTimestamp } from './timestamp.ts';

test('a whole-second UTC timestamp as plain fly logs prints it keeps its text', () => {
  assert.deepEqual(parseTimestamp('2026-11-20T09:14:03Z'), { time: '2026-11-20T09:14:03Z', timeMs: Date.UTC(2026, 10, 20, 9, 14, 3), fractional: false });
});

test('nine fractional digits are kept in the time and dropped below the millisecond', () => {
  const parsed = parseTimestamp('2026-11-20T09:14:03.660159411Z');
  assert.equal(parsed?.time, '2026-11-20T09:14:03.660159411Z');
  assert.equal(parsed?.timeMs, Date.UTC(2026, 10, 20, 9, 14, 3, 660));
  assert.equal(parsed?.fractional, true);
});

test('fewer fractional digits keep exactly the digits given', () => {
  assert.equal(parseTimestamp('2026-11-20T09:14:03.1Z')?.timeMs, Date.UTC(2026, 10, 20, 9, 14, 3, 100));
  assert.equal(parseTimestamp('2026-11-20T09:14:03.10Z')?.time, '2026-11-20T09:14:03.10Z');
});

test('an offset is converted to UTC, keeping the fraction', () => {
  const parsed = parseTimestamp('2026-11-20T16:14:03.5+07:00');
  assert.equal(parsed?.time, '2026-11-20T09:14:03.5Z');
  assert.equal(parsed?.timeMs, Date.UTC(2026, 10, 20, 9, 14, 3, 500));
  assert.equal(parseTimestamp('2026-01-01T00:30:00-0100')?.time, '2026-01-01T01:30:00Z');
  assert.equal(parseTimestamp('2026-03-01T00:00:00+01:00')?.time, '2026-02-28T23:00:00Z');
});

test('a timestamp without zone is taken as UTC, and the space form only when allowed', () => {
  assert.equal(parseTimestamp('2026-11-20T09:14:03')?.time, '2026-11-20T09:14:03Z');
  assert.equal(parseTimestamp('2026-11-20 09:14:03'), null);
  assert.deepEqual(parseTimestamp('2026-11-20 09:14:03', { allowSpace: true }), {
    time: '2026-11-20T09:14:03Z', timeMs: Date.UTC(2026, 10, 20, 9, 14, 3), fractional: false,
  });
});

test('dates that do not exist and malformed text are rejected', () => {
  for (const text of ['2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-31T00:00:00Z', '2026-11-20T24:00:00Z',
    '2026-11-20T09:60:00Z', '2026-11-20T09:14:03.Z', '2026-11-20T09:14:03.1234567891Z', '2026-11-20T09:14:03Zjunk',
    '2026-11-20T09:14:03+25:00', '20261120T091403Z', '2026-11-20', '', 'not a time at all, not at all']) {
    assert.equal(parseTimestamp(text), null, text);
  }
  assert.notEqual(parseTimestamp('2028-02-29T00:00:00Z'), null);
});

test('the clock time has the precision asked for', () => {
  const now = Date.UTC(2026, 10, 20, 9, 14, 3, 987);
  assert.deepEqual(clockTime(now, 'second'), { time: '2026-11-20T09:14:03Z', timeMs: Date.UTC(2026, 10, 20, 9, 14, 3), precision: 'second' });
  assert.deepEqual(clockTime(now, 'subsecond'), { time: '2026-11-20T09:14:03.987Z', timeMs: now, precision: 'subsecond' });
});

test('a clock reading that is not a date falls back to the system clock instead of throwing', () => {
  for (const bad of [Number.NaN, Infinity, 1e300]) assert.match(clockTime(bad, 'second').time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});
