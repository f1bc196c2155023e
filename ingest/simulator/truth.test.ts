import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransportFormat } from '../../core/entry.ts';
import type { Report } from '../../core/report.ts';
import { Simulation, simulateTruth, type SimulationOptions } from './simulate.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const opts = (o: Partial<SimulationOptions> & { format: TransportFormat }): SimulationOptions => ({ seed: 3, start: START, lines: 3000, ...o });
const truths = new Map<string, Report>();
const truth = (o: Partial<SimulationOptions> & { format: TransportFormat }): Report => {
  const key = JSON.stringify(o);
  let t = truths.get(key);
  if (t === undefined) {
    t = simulateTruth(opts(o));
    truths.set(key, t);
  }
  return t;
};

test('the truth holds together: attempts are opens plus failures, rates are their ratios', () => {
  for (const format of ['plain', 'json', 'nats', 'app'] as const) {
    const t = truth({ format });
    const c = t.connections;
    assert.equal(c.attempts, c.opened + c.failed, format);
    assert.equal(c.successRate, c.opened / c.attempts);
    assert.ok(c.reconnects <= c.opened + c.failed);
    assert.ok(c.closed <= c.opened, 'every close belongs to a stream that opened');
    assert.ok(c.active <= c.peakConcurrent && c.peakConcurrent <= c.opened);
    assert.ok(t.errors.count >= c.failed);
    assert.equal(t.errors.rate, t.errors.count / c.attempts);
    const l = t.latency;
    assert.ok(l.interTokenMs.count <= l.streamDurationMs.count && l.streamDurationMs.count <= c.closed);
    assert.ok(l.firstTokenMs.count <= c.opened + c.failed);
    assert.ok(t.rateLimit.topKeys.reduce((n, k) => n + k.count, 0) <= t.rateLimit.violations);
    assert.ok(t.rateLimit.testTraffic <= t.rateLimit.violations);
    assert.equal(t.proxy.errors, Object.values(t.proxy.byCode).reduce((a, b) => a + b, 0));
    assert.ok(t.gdpr.entriesFlagged <= t.entries);
    for (const n of Object.values(t.gdpr.byRule)) assert.ok((n as number) <= t.gdpr.entriesFlagged);
    assert.ok(Date.parse(t.window.from as string) >= START - 1000 && Date.parse(t.window.to as string) > Date.parse(t.window.from as string));
    assert.deepEqual([t.targets, t.incidents, t.gaps, t.series, t.gdpr.sources], [[], [], [], [], []]);
    assert.equal(t.gdpr.hashCoverage, null);
  }
});

test('a short run already holds the whole story: test-plan 429s, reconnects, failures, a deploy, proxy errors', () => {
  const t = truth({ format: 'plain' });
  const plan = t.rateLimit.topKeys.find((k) => k.key === 'user:ratelimit-test');
  assert.deepEqual(plan, { key: 'user:ratelimit-test', count: 5, test: true });
  assert.ok(t.rateLimit.testTraffic >= 5);
  assert.ok(t.rateLimit.topKeys.some((k) => k.key === 'user:…@example.com' && !k.test), 'an e-mail key, masked');
  assert.ok(t.rateLimit.topKeys.some((k) => k.key.startsWith('ip:')), 'the global limiter');
  assert.ok(t.connections.reconnects > 0 && t.connections.failed > 0 && t.connections.peakConcurrent >= 10);
  assert.ok(t.deploys.length >= 1 && t.deploys.every((d) => /^Machine started in \d\.\d+s$/.test(d.summary)));
  assert.ok((t.proxy.byCode['PC01'] ?? 0) >= 3);
  assert.ok(t.latency.firstTokenMs.count > 100 && (t.latency.firstTokenMs.avg as number) > 20);
});

test('plain and json tell one story; plain loses what flyctl does not print', () => {
  const plain = truth({ format: 'plain', quirks: false });
  const json = truth({ format: 'json', quirks: false });
  assert.deepEqual(plain.latency, json.latency);
  const counts = (r: Report) => [r.entries, r.connections.opened, r.connections.closed, r.connections.failed, r.connections.reconnects, r.rateLimit.violations, r.gdpr];
  assert.deepEqual(counts(plain), counts(json));
  // A proxy line with error.message has its message (and so its code) left out by flyctl.
  assert.ok(plain.proxy.errors <= json.proxy.errors);
  assert.match(plain.window.from as string, /\.000Z$/);
  assert.match(plain.deploys[0]?.at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(json.deploys[0]?.at ?? '', /\.\d{9}Z$/);
});

test('a replayed history changes the output, never the truth', () => {
  for (const format of ['plain', 'json'] as const) {
    const withReplay = [...new Simulation(opts({ format, replay: true })).chunks()].join('');
    const without = [...new Simulation(opts({ format })).chunks()].join('');
    assert.ok(withReplay.length > without.length, `${format}: history printed again`);
    assert.deepEqual(simulateTruth(opts({ format, replay: true })), truth({ format }));
  }
});

test('one pass gives the output and the same truth as simulateTruth', () => {
  const sim = new Simulation(opts({ format: 'nats' }));
  assert.throws(() => sim.truth());
  let bytes = 0;
  for (const chunk of sim.chunks()) bytes += chunk.length;
  assert.ok(bytes > 0);
  assert.deepEqual(sim.truth(), truth({ format: 'nats' }));
});

test('without leaks the only finding left is the hash of a common test-plan query', () => {
  const t = truth({ format: 'plain', leaks: false });
  assert.deepEqual(Object.keys(t.gdpr.byRule), ['linkable-hash']);
  assert.equal(t.gdpr.entriesFlagged, t.gdpr.byRule['linkable-hash']);
  assert.ok(!t.rateLimit.topKeys.some((k) => k.key.includes('@')));
});
