import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayJudge } from './replay-judge.ts';

const T = Date.parse('2026-11-20T09:14:00Z');
const options = { windowEntries: 5, windowMs: 1000, minGapMs: 5000 };

test('a replay that holds an entry the store already had settles without a gap', () => {
  const stored = new Set([3n]);
  const judge = new ReplayJudge(T + 10_000, 'fly logs exited with code 1', (id) => stored.has(id), options);
  assert.equal(judge.observe(1n, T + 8000, 0), null);
  assert.equal(judge.observe(3n, T + 9000, 0), null);
  assert.equal(judge.done, true);
  for (let i = 0; i < 10; i++) assert.equal(judge.observe(100n + BigInt(i), T + 60_000, 0), null);
});

test('a full replay of entries newer than the last stored one records the hole before it', () => {
  const judge = new ReplayJudge(T, 'fly logs printed nothing for 120 s', () => false, options);
  let gap = null;
  for (let i = 0; i < 5; i++) gap = judge.observe(BigInt(i), T + 60_000 + i * 1000, 0) ?? gap;
  assert.deepEqual(gap, {
    fromMs: T,
    toMs: T + 60_000,
    reason: 'fly logs printed nothing for 120 s; its replay did not reach back to the last stored entry: up to 60 s of entries may be missing',
  });
  assert.equal(judge.done, true);
});

test('a short replay is judged once its time window is over', () => {
  const judge = new ReplayJudge(T, 'fly logs exited with code 1', () => false, options);
  assert.equal(judge.observe(1n, T + 30_000, 100), null);
  assert.equal(judge.tick(900), null);
  assert.equal(judge.tick(1100)?.toMs, T + 30_000);
});

test('a replay only seconds newer than the last stored entry is not a gap', () => {
  const judge = new ReplayJudge(T, 'fly logs exited with code 1', () => false, options);
  judge.observe(1n, T + 3000, 0);
  assert.equal(judge.tick(5000), null);
  assert.equal(judge.done, true);
});

test('with nothing stored before, there is nothing to have missed', () => {
  const judge = new ReplayJudge(null, 'fly logs started', () => false, options);
  assert.equal(judge.done, true);
  assert.equal(judge.observe(1n, T, 0), null);
});
