import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner } from './scanner.ts';
import { oncePerValue } from './once-per-value.ts';
import type { LogEntry } from '../entry.ts';

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
