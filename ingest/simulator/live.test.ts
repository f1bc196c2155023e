import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intensityFor, simulateLive, simulateRecords } from './live.ts';

const START = Date.parse('2026-11-20T09:00:00Z');

test('live output waits for the clock: nothing is written before its time', async () => {
  let clock = START;
  const slept: number[] = [];
  let records = 0;
  for await (const chunk of simulateLive({
    seed: 1, start: START, lines: 300, format: 'nats', quirks: false, rate: 20,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
  })) {
    for (const line of chunk.trim().split('\n')) {
      const t = Date.parse((JSON.parse(line) as { timestamp: string }).timestamp);
      assert.ok(t <= clock, 'written once due');
      records++;
    }
  }
  assert.equal(records, 300);
  assert.ok(slept.length > 10 && slept.every((ms) => ms > 0 && ms <= 1000));
  // 300 records at about 20 a second take simulated seconds, not none.
  assert.ok(clock - START > 5_000 && clock - START < 60_000, `${clock - START} ms`);
});

test('a rate sets the traffic so that records come at about that pace', () => {
  const rate = 40;
  let last = START;
  let n = 0;
  for (const text of simulateRecords({ seed: 2, start: START, lines: 4000, format: 'nats', quirks: false, intensity: intensityFor(rate) })) {
    last = Date.parse((JSON.parse(text) as { timestamp: string }).timestamp);
    n++;
  }
  const perSecond = n / ((last - START) / 1000);
  assert.ok(perSecond > rate * 0.6 && perSecond < rate * 1.6, `${perSecond.toFixed(1)} records/s`);
});
