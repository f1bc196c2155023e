import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAxisTime, formatDuration, formatInstant, fromInputValue, toInputValue } from './time-format.ts';

// A zone with daylight saving and a non-zero offset, so that local and UTC differ in these tests.
process.env.TZ = 'America/New_York';

const INSTANT = '2025-03-10T14:30:12.000Z';

test('a time shows on the UTC clock when asked, whatever the local zone', () => {
  assert.equal(formatInstant(INSTANT, true), '2025-03-10 14:30:12');
});

test('a time shows in local time by default', () => {
  assert.equal(formatInstant(INSTANT, false), '2025-03-10 10:30:12');
});

test('the UTC clock is right on both sides of a daylight-saving change', () => {
  assert.equal(formatInstant('2025-03-09T06:59:00Z', true), '2025-03-09 06:59:00');
  assert.equal(formatInstant('2025-03-09T07:01:00Z', true), '2025-03-09 07:01:00');
  // 02:30 does not exist on New York's clock that night; on the UTC clock it does.
  assert.equal(formatInstant('2025-03-09T02:30:00Z', true), '2025-03-09 02:30:00');
});

test('a missing or unreadable time shows a dash instead of "Invalid Date"', () => {
  assert.equal(formatInstant(null, false), '—');
  assert.equal(formatInstant('yesterday', false), '—');
});

test('axis ticks add the date only when the window is longer than a day', () => {
  const ms = Date.parse(INSTANT);
  assert.equal(formatAxisTime(ms, true, 3_600_000), '14:30');
  assert.equal(formatAxisTime(ms, true, 7 * 86_400_000), 'Mar 10 14:30');
});

test('durations read in the largest sensible units', () => {
  assert.equal(formatDuration(45_400), '45 s');
  assert.equal(formatDuration(12 * 60_000), '12 min');
  assert.equal(formatDuration(125 * 60_000), '2 h 5 min');
  assert.equal(formatDuration(76 * 3_600_000), '3 d 4 h');
});

test('a custom window typed on the UTC clock means that UTC instant', () => {
  assert.equal(fromInputValue('2025-03-10T14:30', true), Date.parse(INSTANT) - 12_000);
  assert.equal(toInputValue(Date.parse(INSTANT), true), '2025-03-10T14:30');
});

test('a custom window typed in local time means the local instant', () => {
  assert.equal(fromInputValue('2025-03-10T10:30', false), Date.parse('2025-03-10T14:30:00Z'));
  assert.equal(toInputValue(Date.parse(INSTANT), false), '2025-03-10T10:30');
});

test('an incomplete datetime input means no instant', () => {
  assert.equal(fromInputValue('2025-03-10', false), null);
  assert.equal(fromInputValue('', true), null);
});
