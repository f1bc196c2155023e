import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner } from './scanner.ts';
import { oncePerValue } from './once-per-value.ts';
import type { LogEntry } from '../entry.ts';
import type { Finding } from './finding.ts';

const scanner = createScanner({ secret: Buffer.from('once-per-value-tests-secret') });

function entry(message: string): LogEntry {
  return { time: '2026-11-20T10:00:00Z', timeMs: Date.parse('2026-11-20T10:00:00Z'), precision: 'second', instance: 'e2862692b79d68', provider: 'app', region: 'sin', level: 'info', message, format: 'plain', unparsed: false, lines: 1 };
}

test('a query logged twice in one request line is one finding, at its first place, and redacted at both', () => {
  const line = JSON.stringify({
    level: 'http',
    message: '[4f1c] Request started: GET /api/v2/bali-zero/chat-stream?query=Can+I+buy+land+in+Bali',
    url: '/api/v2/bali-zero/chat-stream?query=Can+I+buy+land+in+Bali',
    ip: '180.141.150.200',
  });
  const scanned = scanner.scan(entry(line));
  const queries = scanned.findings.filter((f) => f.rule === 'plaintext-query');
  assert.equal(queries.length, 2);
  const kept = oncePerValue(scanned.findings);
  assert.deepEqual(kept.map((f) => f.rule).sort(), ['ip-address', 'plaintext-query']);
  assert.equal(kept.find((f) => f.rule === 'plaintext-query'), queries[0]);
  assert.ok(!scanned.entry.message.includes('Bali'));
});

test('distinct values of one rule in one entry stay distinct findings', () => {
  const scanned = scanner.scan(entry('mail from ana@example.org to bo@example.net, cc ana@example.org'));
  const kept = oncePerValue(scanned.findings);
  assert.equal(scanned.findings.length, 3);
  assert.deepEqual(kept.map((f) => f.preview), ['…@example.org', '…@example.net']);
});

test('few findings or many, each (rule, value) is kept once, at its first place, in order', () => {
  const f = (rule: 'email' | 'phone', value: string, start: number): Finding => ({
    rule, severity: 'high', source: 'message', field: 'message', start, end: start + 5, length: 5, preview: '…', fingerprint: `fp-${value}`,
  });
  const few = [f('email', 'a', 0), f('phone', 'a', 10), f('email', 'b', 20), f('email', 'a', 30), f('email', 'b', 40), f('phone', 'c', 50)];
  assert.deepEqual(oncePerValue(few).map((x) => x.start), [0, 10, 20, 50]);
  const unique = [f('email', 'a', 0), f('email', 'b', 10)];
  assert.equal(oncePerValue(unique), unique, 'nothing repeated: the same list');
  // Past the few that are compared pairwise, a set: the same answer.
  const many = Array.from({ length: 40 }, (_, i) => f(i % 2 === 0 ? 'email' : 'phone', String(i % 15), i));
  const expected = many.filter((x, i) => many.findIndex((y) => y.rule === x.rule && y.fingerprint === x.fingerprint) === i).map((x) => x.start);
  assert.deepEqual(oncePerValue(many).map((x) => x.start), expected);
  assert.deepEqual(oncePerValue(many.slice(0, 12)).map((x) => x.start), expected.filter((s) => s < 12));
});
