import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry } from '../entry.ts';
import { createScanner } from './scanner.ts';
import { ADVERSARIAL_INPUTS } from './adversarial-inputs.ts';

// The bound is generous on purpose (shared, busy machines): it catches quadratic or exponential blow-ups,
// which take minutes on 200 KB, not a slow day. scanner.bench.ts holds the real figures (< 50 ms each).
const BOUND_MS = 2000;
const scanner = createScanner({ secret: Buffer.from('adversarial-test-secret') });

function entry(message: string, url?: string): LogEntry {
  return {
    time: '2026-11-20T09:14:03Z', timeMs: 0, precision: 'second', instance: '', provider: '', region: '', level: '',
    message, format: 'plain', unparsed: true, lines: 1, ...(url === undefined ? {} : { http: { url } }),
  };
}

for (const [name, text] of ADVERSARIAL_INPUTS) {
  test(`a 200 KB near-match (${name}) scans in linear time, as a message and as a URL`, () => {
    for (const e of [entry(text), entry('', text)]) {
      const started = process.hrtime.bigint();
      const outcome = scanner.scan(e);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(outcome.failed, false);
      assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
    }
  });
}
