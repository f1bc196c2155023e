import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransportFormat } from '../../core/entry.ts';
import { allQueries, COMMON_QUERIES, queryHash } from './queries.ts';
import { simulate, simulateLeakLabels, simulateTruth, type SimulationOptions } from './simulate.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const opts = (o: Partial<SimulationOptions> & { format: TransportFormat }): SimulationOptions => ({ seed: 11, start: START, lines: 3000, ...o });
const text = (o: SimulationOptions): string => [...simulate(o)].join('');
// One character each side of the @ is enough (and stays linear on a 200 KB line of letters).
const EMAIL = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]/;

test('with leaks off no format prints a query, an e-mail or a client address', () => {
  const sensitive = allQueries().filter((q) => q.length >= 12 && !COMMON_QUERIES.has(q));
  for (const format of ['plain', 'json', 'nats', 'app'] as const) {
    const out = text(opts({ format, leaks: false }));
    assert.ok(!out.includes('Starting stream'), `${format}: the Starting stream line is gone`);
    assert.ok(!/chat-stream\?/.test(out), `${format}: no query string`);
    assert.ok(!out.includes('conversation_history'), format);
    assert.ok(!EMAIL.test(out), `${format}: no e-mail`);
    assert.ok(!out.includes('gdprCompliant":false'), format);
    for (const q of sensitive) assert.ok(!out.includes(q) && !out.includes(JSON.stringify(q).slice(1, -1)), `${format}: ${q.slice(0, 20)}`);
    // The audit opens stay: a stream is still opened, with its hash.
    assert.ok(out.includes('queryHash'), format);
  }
});

test('with leaks on the backend leaks the way the real one does', () => {
  const out = text(opts({ format: 'plain' }));
  assert.ok(out.includes('[Stream] Starting stream: conn_'));
  assert.ok(out.includes('chat-stream?query=What is ZANTARA?'), 'unencoded spaces (Test 1)');
  assert.ok(/chat-stream\?query=[^ "]*%20/.test(out) && /chat-stream\?query=[^ "]*\+/.test(out), 'encoded spaces, both ways');
  assert.ok(out.includes('&conversation_history=%5B%7B%22role'), 'conversation history in the URL');
  assert.ok(out.includes('Rate limit exceeded for user:someone@example.com on /chat-stream'), 'an e-mail as a rate-limit key');
  assert.ok(/"userEmail":"[^"[]+@example\.[a-z]+"/.test(out), 'userEmail in clear on an audit line');
  assert.ok(out.includes('"gdprCompliant":false'));
});

test('queryHash is the first 16 hex of the SHA-256 of the query, and always reads as a hash', () => {
  assert.equal(queryHash(''), 'e3b0c44298fc1c14');
  for (const q of allQueries()) assert.match(queryHash(q), /^(?=.*[a-f])[0-9a-f]{16}$/, q);
});

test('the leak labels name each leaking entry by its index, and add up to the truth', () => {
  const o = opts({ format: 'plain', quirks: false });
  // Without quirks each plain line is one entry: the index is the line number.
  const lines = text(o).split('\n');
  const labels = simulateLeakLabels(o);
  const byIndex = new Map(labels.map((l) => [l.index, l.rules]));
  lines.forEach((line, i) => {
    if (line.includes('Starting stream')) assert.ok(byIndex.get(i)?.includes('plaintext-query'), `line ${i}`);
    if (line.includes('"gdprCompliant":false')) assert.ok(byIndex.get(i)?.includes('self-reported'), `line ${i}`);
    if (!EMAIL.test(line.replace(/%40/g, '@'))) assert.ok(!byIndex.get(i)?.includes('email'), `line ${i}`);
  });
  const t = simulateTruth(o);
  assert.equal(labels.length, t.gdpr.entriesFlagged);
  const counts: Record<string, number> = {};
  for (const l of labels) for (const r of l.rules) counts[r] = (counts[r] ?? 0) + 1;
  assert.deepEqual(counts, t.gdpr.byRule);
  assert.ok((t.gdpr.byRule['linkable-hash'] ?? 0) > 0 && (t.gdpr.byRule['ip-address'] ?? 0) > 0);
});

test('replayed copies are labelled too, and marked as copies', () => {
  const labels = simulateLeakLabels(opts({ format: 'json', replay: true }));
  assert.ok(labels.some((l) => l.replay));
  const live = labels.filter((l) => !l.replay).length;
  assert.equal(live, simulateTruth(opts({ format: 'json', replay: true })).gdpr.entriesFlagged);
  for (let i = 1; i < labels.length; i++) assert.ok((labels[i] as { index: number }).index > (labels[i - 1] as { index: number }).index);
});
