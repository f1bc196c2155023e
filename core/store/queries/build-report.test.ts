import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StagingLog, storeWith } from './staging-log.ts';
import { buildReport } from './build-report.ts';
import type { ReportRequest } from './build-report.ts';
import type { Report, TargetId } from '../../report.ts';
import type { Store } from '../store.ts';
import type { Finding } from '../../findings/finding.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const at = (sec: number): number => START + sec * 1000;

function report(store: Store, fromSec: number | null, toSec: number | null, more: Partial<ReportRequest> = {}): Report {
  return buildReport(store, { fromMs: fromSec === null ? null : at(fromSec), toMs: toSec === null ? null : at(toSec), bucket: 'none', ...more });
}

function target(r: Report, id: TargetId) {
  const t = r.targets.find((x) => x.id === id);
  assert.ok(t, `target ${id}`);
  return t;
}

test('a stream with no close leaves active and peak 5 minutes after its open, and a late stale sweep still counts as a close', (t) => {
  const log = new StagingLog(START)
    .open(0, 'conn_1_a')
    .open(10, 'conn_1_b').complete(70, 'conn_1_b', { durationMs: 60000, tokens: 30, firstTokenMs: 90 })
    .open(20, 'conn_1_c').staleCleanup(400, 'conn_1_c');
  const store = storeWith(log);
  t.after(() => store.close());

  const tenMinutes = report(store, 0, 600);
  assert.equal(tenMinutes.connections.opened, 3);
  assert.equal(tenMinutes.connections.closed, 2);
  assert.equal(tenMinutes.connections.active, 0);
  assert.equal(tenMinutes.connections.peakConcurrent, 3);

  // At 09:05:00 the never-closed stream goes stale exactly at the window's end: it was open through the window.
  const fiveMinutes = report(store, 0, 300);
  assert.equal(fiveMinutes.connections.active, 2);
  assert.equal(fiveMinutes.connections.closed, 1);

  // The swept stream stopped counting at open + 5 min (09:05:20), though its close line came at 09:06:40.
  const later = report(store, 310, 600);
  assert.equal(later.connections.peakConcurrent, 1);
  assert.equal(later.connections.active, 0);
  assert.equal(later.connections.closed, 1);
  assert.equal(later.connections.opened, 0);
});

test('a reconnect counts in the window of its own open, also when the first stream lies before the window', (t) => {
  const log = new StagingLog(START)
    .open(0, 'conn_2_a').complete(30, 'conn_2_a', { durationMs: 30000, tokens: 12, firstTokenMs: 80 })
    .open(90, 'conn_2_a').complete(120, 'conn_2_a', { durationMs: 30000, tokens: 12, firstTokenMs: 80 })
    // A client that reconnects before the server noticed the drop: still a reconnect, and the close ends the older one.
    .open(200, 'conn_2_b').open(210, 'conn_2_b').complete(250, 'conn_2_b', { durationMs: 50000, tokens: 20, firstTokenMs: 70 });
  const store = storeWith(log);
  t.after(() => store.close());

  const first = report(store, 0, 60);
  assert.deepEqual([first.connections.opened, first.connections.reconnects, first.connections.closed], [1, 0, 1]);
  const second = report(store, 60, 180);
  assert.deepEqual([second.connections.opened, second.connections.reconnects, second.connections.closed], [1, 1, 1]);
  assert.equal(second.connections.successRate, 1);
  const overlap = report(store, 180, 300);
  assert.deepEqual([overlap.connections.opened, overlap.connections.reconnects, overlap.connections.closed], [2, 1, 1]);
  assert.equal(overlap.connections.active, 1, 'the newer stream of conn_2_b is still open at 09:05');
});

test('an empty window reports zeros, no latency and no judgeable target, with a row for every bucket', (t) => {
  const log = new StagingLog(START).open(0, 'conn_3_a').complete(5, 'conn_3_a', { durationMs: 5000, tokens: 10, firstTokenMs: 60 });
  const store = storeWith(log);
  t.after(() => store.close());

  const r = report(store, 3600, 4200, { bucket: '1m' });
  assert.equal(r.entries, 0);
  assert.deepEqual(r.connections, { attempts: 0, opened: 0, closed: 0, failed: 0, reconnects: 0, active: 0, peakConcurrent: 0, successRate: null });
  assert.deepEqual(r.latency.firstTokenMs, { count: 0, avg: null, p50: null, p95: null, p99: null, max: null });
  assert.deepEqual(r.errors, { count: 0, rate: null });
  assert.equal(r.rateLimit.perHour, 0);
  for (const x of r.targets) {
    assert.equal(x.pass, null, x.id);
    assert.ok(x.reason !== null && x.reason.length > 0, x.id);
  }
  assert.equal(r.series.length, 10);
  assert.ok(r.series.every((row) => row.opened === 0 && row.errors === 0 && row.firstTokenP50 === null && row.interTokenAvg === null && row.active === 0));
  assert.deepEqual(r.incidents, []);
});

test('an empty store reports no window and no series', (t) => {
  const store = storeWith(new StagingLog(START));
  t.after(() => store.close());
  const r = buildReport(store, { fromMs: null, toMs: null });
  assert.deepEqual(r.window, { from: null, to: null });
  assert.equal(r.entries, 0);
  assert.deepEqual(r.series, []);
});

test('a window with only failures has attempts, no opens, a 100 % error rate and failing targets', (t) => {
  const log = new StagingLog(START);
  for (let i = 0; i < 25; i++) log.fail(i * 10, `conn_4_${i}`, { error: 'Stream initialization failed' });
  const store = storeWith(log);
  t.after(() => store.close());

  const r = report(store, 0, 300);
  assert.equal(r.connections.attempts, 25);
  assert.equal(r.connections.opened, 0);
  assert.equal(r.connections.failed, 25);
  assert.equal(r.connections.successRate, 0);
  assert.deepEqual(r.errors, { count: 25, rate: 1 });
  assert.equal(target(r, 'error-rate').pass, false);
  assert.equal(target(r, 'connection-success').pass, false);
  assert.equal(target(r, 'first-token-avg').pass, null);
  assert.match(target(r, 'first-token-avg').reason ?? '', /no first-token samples/);

  const few = report(store, 0, 30);
  assert.equal(few.connections.attempts, 3);
  assert.equal(target(few, 'error-rate').pass, null);
  assert.match(target(few, 'error-rate').reason ?? '', /too few attempts to judge \(3 < 20\)/);
});

test('a failure naming a stream opened a second before turns that open into the failure, counted once', (t) => {
  const log = new StagingLog(START).open(0, 'conn_5_a').fail(1, 'conn_5_a').open(10, 'conn_5_b');
  const store = storeWith(log);
  t.after(() => store.close());
  const r = report(store, 0, 60);
  assert.deepEqual([r.connections.attempts, r.connections.opened, r.connections.failed], [2, 1, 1]);
  assert.equal(r.connections.peakConcurrent, 1);
});

test('latencies are exact numpy percentiles of one sample per stream, the audit metadata winning over the text line', (t) => {
  const log = new StagingLog(START);
  [10, 20, 30, 40].forEach((ms, i) => {
    const conn = `conn_6_${i}`;
    log.open(i * 10, conn).firstToken(i * 10 + 1, conn, 999);
    log.complete(i * 10 + 5, conn, { durationMs: 1000 + ms, tokens: 11, firstTokenMs: ms });
  });
  // A stream with only the text line: its sample is that line's.
  log.open(100, 'conn_6_text').firstToken(101, 'conn_6_text', 50);
  const store = storeWith(log);
  t.after(() => store.close());

  const r = report(store, 0, 60);
  assert.equal(r.latency.firstTokenMs.count, 4);
  assert.equal(r.latency.firstTokenMs.avg, 25);
  assert.equal(r.latency.firstTokenMs.p50, 25);
  assert.ok(Math.abs((r.latency.firstTokenMs.p95 as number) - 38.5) < 1e-9);
  assert.ok(Math.abs((r.latency.firstTokenMs.p99 as number) - 39.7) < 1e-9);
  assert.equal(r.latency.firstTokenMs.max, 40);
  // (duration − firstToken) / (tokens − 1) = 1000 / 10 for every stream.
  assert.deepEqual(r.latency.interTokenMs, { count: 4, avg: 100, p50: 100, p95: 100, p99: 100, max: 100 });
  assert.equal(r.latency.streamDurationMs.p50, 1025);

  const withText = report(store, 0, 120);
  assert.equal(withText.latency.firstTokenMs.count, 5);
  assert.equal(withText.latency.firstTokenMs.max, 50);
});

test('windows are exact to the millisecond at their edges, between whole minutes', (t) => {
  const log = new StagingLog(START).noise(10).noise(40).backendError(50).noise(80).backendError(150).noise(170);
  const store = storeWith(log);
  t.after(() => store.close());
  const r = report(store, 30, 150);
  assert.equal(r.entries, 3, '09:00:40, 09:00:50 and 09:01:20; 09:02:30 is the excluded end');
  assert.equal(r.errors.count, 1);
  const inside = report(store, 41, 49);
  assert.equal(inside.entries, 0);
});

test("the test plan's own 429s count as violations but not against the per-hour target, unless asked", (t) => {
  const log = new StagingLog(START);
  for (let i = 0; i < 12; i++) log.rateLimit(60 + i * 100, 'ratelimit-test');
  log.rateLimit(100, 'alice').rateLimit(2000, 'alice');
  const store = storeWith(log);
  t.after(() => store.close());

  const r = report(store, 0, 3600);
  assert.equal(r.rateLimit.violations, 14, 'a warn line and its audit line are one violation');
  assert.equal(r.rateLimit.testTraffic, 12);
  assert.equal(r.rateLimit.perHour, 14);
  assert.deepEqual(r.rateLimit.topKeys.map((k) => [k.key, k.count, k.test]), [['user:ratelimit-test', 12, true], ['user:al…5', 2, false]]);
  assert.equal(target(r, 'rate-limit-per-hour').actual, 2);
  assert.equal(target(r, 'rate-limit-per-hour').pass, true);

  const strict = report(store, 0, 3600, { includeTestTraffic: true });
  assert.equal(target(strict, 'rate-limit-per-hour').actual, 14);
  assert.equal(target(strict, 'rate-limit-per-hour').pass, false);
});

test('an unbounded window spans the store from its first to its last entry', (t) => {
  const log = new StagingLog(START).noise(0).rateLimit(1800, 'alice').noise(7200);
  const store = storeWith(log);
  t.after(() => store.close());
  const r = buildReport(store, { fromMs: null, toMs: null, bucket: 'none' });
  assert.deepEqual(r.window, { from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T11:00:00.000Z' });
  assert.equal(r.entries, 4, 'the last entry is inside the window');
  assert.equal(r.rateLimit.perHour, 0.5);
});

test('GDPR figures count flagged entries by rule, where they come from, and the high findings still open', (t) => {
  const log = new StagingLog(START).open(5, 'conn_7_a').open(65, 'conn_7_b', { instance: '148e272a4d9589' }).open(200, 'conn_7_c');
  const store = storeWith(log);
  t.after(() => store.close());
  store.db.prepare("UPDATE stored_findings SET status = 'acknowledged' WHERE time_ms = ?").run(at(200));

  const r = report(store, 0, 300);
  assert.equal(r.gdpr.entriesFlagged, 3);
  assert.deepEqual(r.gdpr.byRule, { 'plaintext-query': 3 });
  assert.equal(r.gdpr.hashCoverage, 1);
  assert.deepEqual(r.gdpr.sources, [{
    template: '[Stream] Starting stream: <id>, query: <…>', rule: 'plaintext-query', count: 3,
    firstSeen: '2026-11-20T09:00:05.000Z', lastSeen: '2026-11-20T09:03:20.000Z', instances: ['148e272a4d9589', 'e2862692b79d68'],
  }]);
  assert.equal(r.gdpr.sourceCount, 1);
  assert.deepEqual(r.gdpr.openBySeverity, { high: 2, medium: 0, low: 0 });
  assert.equal(r.gdpr.openHigh, 2);
  assert.equal(target(r, 'gdpr-plaintext').pass, false);
  assert.equal(target(r, 'gdpr-plaintext').actual, 3);
});

test('an open without its audit line lowers the audit coverage, one with a malformed hash only the hash coverage', (t) => {
  const log = new StagingLog(START).open(0, 'conn_8_a').open(10, 'conn_8_b', { lines: 'text' }).open(20, 'conn_8_c', { hash: 'not-a-hash' });
  const store = storeWith(log);
  t.after(() => store.close());
  const r = report(store, 0, 60);
  assert.equal(r.gdpr.auditCoverage, 2 / 3);
  assert.equal(r.gdpr.hashCoverage, 1 / 3);
});

function emailLeak(n: number): Finding {
  return { rule: 'email', severity: 'high', source: 'message', field: 'message', start: 0, end: 5, length: 17, preview: '…@example.com', fingerprint: n.toString(16).padStart(64, '0') };
}

test('leak sources group lines by their shape, request ids aside, and the report lists the 50 largest', (t) => {
  const log = new StagingLog(START);
  for (let i = 0; i < 60; i++) {
    const requestId = (0xabc000 + i).toString(16).padStart(32, '7');
    log.push(i, `[${requestId}] Request started: GET /api/v2/bali-zero/chat-stream?[REDACTED:plaintext-query]`, { findings: [emailLeak(i)] });
  }
  // 210 shapes of their own (the words differ): more kinds than are worth a seek each.
  const words = (i: number): string => Array.from(i.toString(4).padStart(4, '0'), (d) => ['alpha', 'bravo', 'kilo', 'zulu'][Number(d)]).join(' ');
  for (let i = 0; i < 210; i++) log.push(100 + i, `Export for ${words(i)} sent to [REDACTED:email]`, { findings: [emailLeak(1000 + i)] });
  const store = storeWith(log);
  t.after(() => store.close());

  const r = report(store, 0, 600);
  assert.equal(r.gdpr.sourceCount, 211);
  assert.equal(r.gdpr.sources.length, 50);
  assert.deepEqual(r.gdpr.sources[0], {
    template: '[<id>] Request started: GET /api/v2/bali-zero/chat-stream?<…>', rule: 'email', count: 60,
    firstSeen: '2026-11-20T09:00:00.000Z', lastSeen: '2026-11-20T09:00:59.000Z', instances: ['e2862692b79d68'],
  });
  assert.ok(r.gdpr.sources.slice(1).every((s) => s.count === 1 && s.template.startsWith('Export for ')));
  assert.equal(r.gdpr.byRule.email, 270);
  // A window inside one minute counts from the rows, not the per-minute table: the same answer.
  assert.equal(report(store, 10, 20).gdpr.sources[0]?.count, 10);
});
