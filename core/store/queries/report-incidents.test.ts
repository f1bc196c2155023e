import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StagingLog, storeWith } from './staging-log.ts';
import { buildReport } from './build-report.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const at = (sec: number): number => START + sec * 1000;

/** 10 good streams a minute for an hour, the given seconds failing instead. */
function steadyTraffic(failAt: readonly number[] = []): StagingLog {
  const log = new StagingLog(START);
  const failing = new Set(failAt);
  for (let s = 0; s < 3600; s += 6) {
    const conn = `conn_${at(s)}_i${s}`;
    if (failing.has(s)) {
      log.fail(s, null, { error: 'Missing query parameter' });
      continue;
    }
    log.open(s, conn).complete(s + 2, conn, { durationMs: 2000, tokens: 21, firstTokenMs: 60 + (s % 30) });
  }
  return log;
}

test('an error burst becomes an incident with the stored, redacted lines behind it as samples', (t) => {
  const log = steadyTraffic([1200, 1206, 1212]);
  log.backendError(1215);
  const store = storeWith(log);
  t.after(() => store.close());

  const r = buildReport(store, { fromMs: at(0), toMs: at(3600) });
  const errors = r.incidents.filter((i) => i.kind === 'error-rate');
  assert.equal(errors.length, 1);
  const [incident] = errors;
  assert.equal(incident?.id, 'error-rate-20261120T092000Z');
  assert.deepEqual([incident?.from, incident?.to], ['2026-11-20T09:20:00.000Z', '2026-11-20T09:21:00.000Z']);
  assert.equal(incident?.figures['errors'], 4);
  assert.equal(incident?.samples.length, 3);
  assert.match(incident?.samples[0] ?? '', /^2026-11-20T09:20:00\.000Z app\[e2862692b79d68\] \{"level":"warn","message":"\[AUDIT\]"/);
  assert.ok(incident?.samples.every((s) => s.length <= 240 + 60), 'samples are cut short');
  // The whole hour is not over 1 % of errors in any other 5 minutes.
  assert.equal(r.incidents.filter((i) => i.kind === 'error-rate' && i !== incident).length, 0);
});

test("a key's burst of 429s is found with the masked key, and a leak burst with the leaking lines", (t) => {
  const log = steadyTraffic();
  for (let i = 0; i < 6; i++) log.rateLimit(600 + i * 5, 'alice');
  for (let i = 0; i < 6; i++) log.rateLimit(900 + i * 5, 'ratelimit-test');
  const store = storeWith(log);
  t.after(() => store.close());

  const r = buildReport(store, { fromMs: at(0), toMs: at(3600) });
  const bursts = r.incidents.filter((i) => i.kind === 'rate-limit-burst');
  assert.equal(bursts.length, 1, 'the test plan expects its own 429s');
  assert.equal(bursts[0]?.figures['key'], 'user:al…5');
  assert.equal(bursts[0]?.samples.length, 3);
  assert.ok(bursts[0]?.samples.every((s) => s.includes('alice')), 'the key is in the stored lines of that burst, and only those');
  const leaks = r.incidents.filter((i) => i.kind === 'gdpr-leak-burst');
  assert.equal(leaks.length, 1, 'a leak on every open all hour long is one merged incident');
  assert.match(leaks[0]?.samples[0] ?? '', /\[Stream\] Starting stream: conn_\S+, query: \[REDACTED:plaintext-query\]$/);
  assert.equal(buildReport(store, { fromMs: at(0), toMs: at(3600), includeTestTraffic: true }).incidents.filter((i) => i.kind === 'rate-limit-burst').length, 2);
});

test('a deploy is compared in equal windows before and after it, within the report window', (t) => {
  const after = Array.from({ length: 12 }, (_, i) => 1800 + 6 + i * 6);
  const log = steadyTraffic(after);
  log.machineStart(1800, 'e2862692b79d68').machineStart(1830, '4d895d5ec41638');
  const store = storeWith(log);
  t.after(() => store.close());

  const r = buildReport(store, { fromMs: at(0), toMs: at(3600), bucket: 'none' });
  assert.equal(r.deploys.length, 2);
  assert.equal(r.deployImpact?.length, 1, 'machines started within 5 minutes are one deploy');
  const [d] = r.deployImpact ?? [];
  assert.equal(d?.at, '2026-11-20T09:30:00.000Z');
  assert.deepEqual(d?.instances, ['4d895d5ec41638', 'e2862692b79d68']);
  assert.equal(d?.windowMinutes, 15);
  assert.deepEqual([d?.before.from, d?.before.to, d?.after.to], ['2026-11-20T09:15:00.000Z', '2026-11-20T09:30:00.000Z', '2026-11-20T09:45:00.000Z']);
  assert.deepEqual([d?.before.attempts, d?.before.failed, d?.before.errorRate], [150, 0, 0]);
  assert.deepEqual([d?.after.attempts, d?.after.failed, d?.after.errorRate], [150, 12, 12 / 150]);
  assert.equal(d?.before.firstTokenAvg, 72);

  const tight = buildReport(store, { fromMs: at(1500), toMs: at(3600), bucket: 'none' });
  assert.equal(tight.deployImpact?.[0]?.windowMinutes, 5, 'both sides shrink to what the window holds before the deploy');
});
