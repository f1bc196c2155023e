import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransportFormat } from '../../core/entry.ts';
import { simulate, simulateBytes, type SimulationOptions } from './simulate.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const opts = (o: Partial<SimulationOptions> & { format: TransportFormat }): SimulationOptions => ({ seed: 5, start: START, lines: 2500, ...o });
const text = (o: SimulationOptions): string => [...simulate(o)].join('');
const plainWithQuirks = text(opts({ format: 'plain' }));
const plainLines = plainWithQuirks.split('\n');

test('plain output is coloured the way flyctl colours it', () => {
  assert.match(plainWithQuirks, /^\x1b\[2m2026-11-20T09:00:00Z\x1b\[0m app\[[0-9a-f]{14}\] \x1b\[32msin\x1b\[0m \[\x1b\[34minfo\x1b\[0m\]/);
  assert.ok(plainWithQuirks.includes('[\x1b[33mwarn\x1b[0m]') && plainWithQuirks.includes('[\x1b[31merror\x1b[0m]'));
  assert.ok(/\x1b\[2merror\.message=\x1b\[0m"failed to connect to machine[^"]*" \x1b\[2m\d{4}-/.test(plainWithQuirks), 'error.message before the timestamp');
  assert.ok(plainWithQuirks.includes('\x1b[2mrequest.url=\x1b[0m"/api/v2/bali-zero/chat-stream'));
});

test('[info] comes with and without a space, and JSON key order is not stable', () => {
  assert.ok(plainWithQuirks.includes('\x1b[0m]{"level"') && plainWithQuirks.includes('\x1b[0m] {"level"'));
  assert.ok(plainWithQuirks.includes('\x1b[0m]Pulling container image') || plainWithQuirks.includes('\x1b[0m]Configuring firecracker'));
  assert.ok(/\] ?\{"endpoint":"\/chat-stream"/.test(plainWithQuirks), 'sorted keys');
});

test('multi-line entries: a stack trace and a query that runs over two lines', () => {
  const at = plainLines.findIndex((l) => l.includes('[Stream] Chat stream error:') && !l.includes('{'));
  assert.ok(at >= 0);
  assert.match(plainLines[at + 1] as string, /^Error: /);
  assert.match(plainLines[at + 2] as string, /^ {4}at /);
  const q = plainLines.findIndex((l) => /query: "Hello$/.test(l));
  assert.ok(q >= 0 && (plainLines[q + 1] as string).startsWith('I need help'));
});

test('emoji, real repeats and garbage are all there', () => {
  assert.ok(plainWithQuirks.includes('🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream'));
  // The proxy refuses three times within one second: same text, same second.
  const refusals = plainLines.filter((l) => l.includes('[PC01]')).map((l) => l.slice(0, 40));
  assert.ok(refusals.some((l, i) => refusals.indexOf(l) !== i && refusals.filter((x) => x === l).length >= 3));
  assert.ok(plainLines.some((l) => l.includes('\ufffd')), 'invalid UTF-8 (decoded)');
  assert.ok(plainLines.some((l) => l.length >= 200_000), 'a 200 KB line');
  assert.ok(plainLines.some((l) => l.endsWith('"entries":1532,"durat')), 'a truncated JSON message');
  const bytes = Buffer.concat([...simulateBytes(opts({ format: 'nats' }))]);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'real invalid bytes');
});

test('in the JSON formats garbage stands alone: a cut object, a binary line, a huge line', () => {
  const json = text(opts({ format: 'json' }));
  assert.ok(/\n {4}"message": "[^\n]*[^,]\n\{\n/.test(json), 'an object cut short, followed by the next one');
  for (const format of ['nats', 'app'] as const) {
    const bad = text(opts({ format })).trim().split('\n').filter((l) => {
      try {
        JSON.parse(l);
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(bad.length, 4, format);
  }
});

test('without quirks the output is clean', () => {
  for (const format of ['plain', 'nats', 'app'] as const) {
    const out = text(opts({ format, quirks: false }));
    assert.ok(!out.includes('\ufffd') && !out.includes('durat\n') && !out.includes('base' + 'sixtyfour'), format);
  }
  const plain = text(opts({ format: 'plain', quirks: false }));
  assert.ok(!plain.includes('\x1b[0m] '), 'no leading spaces');
  assert.ok(!plain.includes('\n    at '), 'stacks stay inside JSON');
});
