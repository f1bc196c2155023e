import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUrlState, serializeUrlState, withFilters, withView, type UrlState } from './url-state.ts';

test('an empty address opens the live view on the last hour in local time', () => {
  assert.deepEqual(parseUrlState(''), {
    view: 'live',
    range: { kind: 'preset', preset: '1h' },
    utc: false,
    filters: {},
  });
});

test('a preset range, the UTC clock and the view survive a round trip through the address', () => {
  const state: UrlState = { view: 'compliance', range: { kind: 'preset', preset: '24h' }, utc: true, filters: { rule: 'email', status: 'open' } };
  const search = serializeUrlState(state);
  assert.equal(search, '?view=compliance&range=24h&utc=1&rule=email&status=open');
  assert.deepEqual(parseUrlState(search), state);
});

test('a custom window is written as from and to and read back to the millisecond', () => {
  const state: UrlState = {
    view: 'live',
    range: { kind: 'custom', fromMs: Date.parse('2025-03-01T08:00:00Z'), toMs: Date.parse('2025-03-01T09:30:00Z') },
    utc: false,
    filters: {},
  };
  const search = serializeUrlState(state);
  assert.equal(search, '?view=live&from=2025-03-01T08%3A00%3A00.000Z&to=2025-03-01T09%3A30%3A00.000Z');
  assert.deepEqual(parseUrlState(search), state);
});

test('from and to win over a preset when both are valid', () => {
  const state = parseUrlState('?view=live&range=6h&from=2025-03-01T08:00:00Z&to=2025-03-01T09:00:00Z');
  assert.equal(state.range.kind, 'custom');
});

test('a window that ends before it starts, or is not a date, falls back to the preset', () => {
  assert.deepEqual(parseUrlState('?range=6h&from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z').range, { kind: 'preset', preset: '6h' });
  assert.deepEqual(parseUrlState('?range=15m&from=1&to=2').range, { kind: 'preset', preset: '15m' });
  assert.deepEqual(parseUrlState('?range=2y').range, { kind: 'preset', preset: '1h' });
});

test('an unknown view opens the live view', () => {
  assert.equal(parseUrlState('?view=admin').view, 'live');
});

test('filters that belong to another view are not read from the address', () => {
  const state = parseUrlState('?view=events&type=stream.fail&rule=email&q=timeout');
  assert.deepEqual(state.filters, { type: 'stream.fail', q: 'timeout' });
});

test('filter values keep characters that would break a hand-built address', () => {
  const state: UrlState = { view: 'events', range: { kind: 'preset', preset: '1h' }, utc: false, filters: { q: 'a&b=c #d', key: 'user:…@x' } };
  assert.deepEqual(parseUrlState(serializeUrlState(state)).filters, state.filters);
});

test('clearing a filter removes it from the address and switching view drops the old filters', () => {
  const events = parseUrlState('?view=events&type=stream.fail&level=error');
  const cleared = withFilters(events, { type: '' , q: 'x' });
  assert.deepEqual(cleared.filters, { level: 'error', q: 'x' });
  const moved = withView(cleared, 'status');
  assert.equal(serializeUrlState(moved), '?view=status&range=1h');
});
