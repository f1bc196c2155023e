import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident } from '../../../../core/report.ts';
import { figureRows, incidentDurationMs, newestFirst, timelineWindow } from './incident-logic.ts';

function incident(id: string, from: string, to: string, figures: Incident['figures'] = {}): Incident {
  return { id, from, to, kind: 'error-spike', summary: 'error rate 12 % for 4 min', figures, samples: [] };
}

test('incidents are listed newest first', () => {
  const list = newestFirst([incident('a', '2025-03-10T13:00:00Z', '2025-03-10T13:05:00Z'), incident('b', '2025-03-10T13:30:00Z', '2025-03-10T13:31:00Z')]);
  assert.deepEqual(list.map((item) => item.id), ['b', 'a']);
});

test("an incident's timeline shows a minute either side of it", () => {
  assert.deepEqual(timelineWindow(incident('a', '2025-03-10T13:00:00Z', '2025-03-10T13:05:00Z')), {
    from: '2025-03-10T12:59:00.000Z',
    to: '2025-03-10T13:06:00.000Z',
  });
  assert.equal(timelineWindow(incident('a', 'soon', '2025-03-10T13:05:00Z')), null);
});

test('an incident lasts from its start to its end', () => {
  assert.equal(incidentDurationMs(incident('a', '2025-03-10T13:00:00Z', '2025-03-10T13:05:00Z')), 300_000);
});

test('figures read as words with their values, nulls as a dash', () => {
  assert.deepEqual(figureRows({ errorRate: 0.123456, peak_active: 14, code: 'PC01', p95: null }), [
    ['error rate', '0.1235'],
    ['peak active', '14'],
    ['code', 'PC01'],
    ['p95', '—'],
  ]);
});
