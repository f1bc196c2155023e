import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectIncidents, flaggedSpans, incidentId } from './incidents.ts';
import type { IncidentInput, MachineEvent, Violation } from './incidents.ts';
import type { MinuteCounts } from './per-minute.ts';

const M0 = Math.floor(Date.parse('2026-11-20T09:00:00Z') / 60_000);
const minute = (i: number): number => M0 + i;
const ms = (i: number, sec = 0): number => (M0 + i) * 60_000 + sec * 1000;

/** Counts at minutes given relative to 09:00. */
function counts(entries: Record<number, number>): MinuteCounts {
  return new Map(Object.entries(entries).map(([i, n]) => [minute(Number(i)), n]));
}

/** An hour of steady traffic: 10 opens a minute, nothing wrong. */
function input(changes: Partial<IncidentInput> = {}): IncidentInput {
  const opened: MinuteCounts = new Map();
  for (let i = 0; i < 60; i++) opened.set(minute(i), 10);
  return {
    fromMs: ms(0), toMs: ms(60), opened, failed: new Map(), streamErrors: new Map(), reconnects: new Map(), proxyByCode: new Map(),
    highLeaksByRule: new Map(), violations: [], machineEvents: [], errorRateTarget: 0.01, includeTestTraffic: false, gaps: [], ...changes,
  };
}

test('an error rate over the target across 5 minutes is an incident, cut to the minutes that had errors', () => {
  const found = detectIncidents(input({ failed: counts({ 20: 2, 22: 1 }), streamErrors: counts({ 21: 1 }) }));
  assert.equal(found.length, 1);
  const { incident } = found[0] as (typeof found)[number];
  assert.equal(incident.kind, 'error-rate');
  assert.equal(incident.from, '2026-11-20T09:20:00.000Z');
  assert.equal(incident.to, '2026-11-20T09:23:00.000Z');
  assert.deepEqual(incident.figures, { errors: 4, attempts: 33, failed: 3, streamErrors: 1, errorRate: 4 / 33 });
  assert.match(incident.summary, /^Error rate 12 % over 3 min \(4 errors in 33 attempts; target < 1\.0 %\)$/);
});

test('one failure among few attempts is no incident: a window needs 20 attempts to judge', () => {
  const quiet: MinuteCounts = counts({ 10: 3, 11: 3, 12: 3 });
  assert.deepEqual(detectIncidents(input({ opened: quiet, failed: counts({ 11: 1 }) })), []);
  // With traffic, one failure in 50 attempts is 2 %: over the 1 % target.
  assert.equal(detectIncidents(input({ failed: counts({ 11: 1 }) })).length, 1);
});

test('windows that overlap or touch merge into one incident; a quiet stretch splits them', () => {
  const merged = detectIncidents(input({ failed: counts({ 10: 2, 14: 2, 18: 2 }) }));
  assert.equal(merged.length, 1);
  assert.deepEqual([merged[0]?.incident.from, merged[0]?.incident.to], ['2026-11-20T09:10:00.000Z', '2026-11-20T09:19:00.000Z']);
  const split = detectIncidents(input({ failed: counts({ 10: 2, 30: 2 }) }));
  assert.deepEqual(split.map((d) => d.incident.from), ['2026-11-20T09:10:00.000Z', '2026-11-20T09:30:00.000Z']);
});

test('flagged spans cover only trigger minutes inside flagged windows', () => {
  const trigger = counts({ 3: 1, 4: 1, 20: 1 });
  assert.deepEqual(flaggedSpans(trigger, (s) => s <= minute(4)), [[minute(3), minute(5)]]);
  assert.deepEqual(flaggedSpans(trigger, () => false), []);
});

test('a spike of reconnects needs 10 in 5 minutes that are over a quarter of the opens', () => {
  assert.equal(detectIncidents(input({ reconnects: counts({ 30: 7, 31: 7 }) }))[0]?.incident.kind, 'reconnect-spike');
  assert.deepEqual(detectIncidents(input({ reconnects: counts({ 30: 9 }) })), [], 'fewer than 10');
  const busy: MinuteCounts = new Map([...input().opened].map(([m]) => [m, 100]));
  assert.deepEqual(detectIncidents(input({ opened: busy, reconnects: counts({ 30: 12 }) })), [], 'a small share of many opens');
});

test('bursts of high-severity leaks and of proxy errors are incidents with their figures by rule and by code', () => {
  const found = detectIncidents(input({
    highLeaksByRule: new Map([['plaintext-query', counts({ 5: 4 })], ['email', counts({ 6: 2 })]]),
    proxyByCode: new Map([['PC01', counts({ 40: 2 })], ['PM05', counts({ 41: 1 })]]),
  }));
  assert.deepEqual(found.map((d) => d.incident.kind), ['gdpr-leak-burst', 'proxy-errors']);
  assert.deepEqual(found[0]?.incident.figures, { leaks: 6, 'plaintext-query': 4, email: 2 });
  assert.deepEqual(found[0]?.evidence, { from: 'findings', rules: ['plaintext-query', 'email'] });
  assert.deepEqual(found[1]?.incident.figures, { proxyErrors: 3, PC01: 2, PM05: 1 });
  assert.deepEqual(detectIncidents(input({ proxyByCode: new Map([['PC01', counts({ 40: 2 })]]) })), []);
});

test("a burst of 429s from one key is an incident; the test plan's own keys only when asked", () => {
  const burst = (key: string, fp: string, test: boolean, startSec: number): Violation[] =>
    Array.from({ length: 6 }, (_, i) => ({ timeMs: ms(10, startSec + i * 20), keyFingerprint: fp, key, test }));
  const violations = [...burst('user:al…5', 'aa11bb22cc33', false, 0), ...burst('user:ratelimit-test', 'ff00ff00ff00', true, 5)];
  const found = detectIncidents(input({ violations }));
  assert.equal(found.length, 1);
  assert.equal(found[0]?.incident.kind, 'rate-limit-burst');
  assert.equal(found[0]?.incident.summary, '6 rate-limit violations from user:al…5 in 2 min');
  assert.equal(found[0]?.incident.id, 'rate-limit-burst-20261120T091000Z-aa11bb22');
  assert.deepEqual(found[0]?.evidence, { from: 'events', types: ['ratelimit.violation'], keyFingerprint: 'aa11bb22cc33' });
  assert.equal(detectIncidents(input({ violations, includeTestTraffic: true })).length, 2);
  // Five spread over ten minutes are no burst.
  const slow = Array.from({ length: 5 }, (_, i) => ({ timeMs: ms(i * 2), keyFingerprint: 'aa', key: 'user:x', test: false }));
  assert.deepEqual(detectIncidents(input({ violations: slow })), []);
});

test('failed health checks and machines that start twice are incidents; a single start is a deploy', () => {
  const deploy: MachineEvent[] = [
    { timeMs: ms(5), type: 'platform.machine-start', instance: 'a1' },
    { timeMs: ms(5, 20), type: 'platform.machine-start', instance: 'b2' },
  ];
  assert.deepEqual(detectIncidents(input({ machineEvents: deploy })), []);
  const crashLoop: MachineEvent[] = [
    { timeMs: ms(20), type: 'platform.machine-start', instance: 'a1' },
    { timeMs: ms(21), type: 'platform.health-fail', instance: 'a1' },
    { timeMs: ms(22), type: 'platform.machine-exit', instance: 'a1' },
    { timeMs: ms(23), type: 'platform.machine-start', instance: 'a1' },
  ];
  const found = detectIncidents(input({ machineEvents: [...deploy, ...crashLoop] }));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.incident.figures, { healthFailures: 1, restarts: 1, machines: 1, starts: 2, exits: 1 });
  assert.equal(found[0]?.incident.summary, '1 machine: 1 failed health check, 1 restart in 3 min');
});

test('an incident over a source gap is marked incomplete', () => {
  const found = detectIncidents(input({ failed: counts({ 20: 3 }), gaps: [{ fromMs: ms(20, 30), toMs: ms(25) }] }));
  assert.equal(found[0]?.incident.incomplete, true);
});

test('incident ids are derived from the kind and the start, so they stay the same from report to report', () => {
  assert.equal(incidentId('error-rate', Date.parse('2026-11-20T09:14:00Z'), null), 'error-rate-20261120T091400Z');
  assert.equal(incidentId('machine-health', Date.parse('2026-11-20T09:14:03.250Z'), null), 'machine-health-20261120T091403.250Z');
  const a = detectIncidents(input({ failed: counts({ 20: 3 }) }));
  const b = detectIncidents(input({ failed: counts({ 20: 3, 50: 0 }), toMs: ms(59) }));
  assert.equal(a[0]?.incident.id, b[0]?.incident.id);
});
