import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BaselineError, formatBaseline, parseBaseline } from './baseline.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

test('a written baseline reads back as the same set of fingerprints, sorted and without repeats', () => {
  const text = formatBaseline([B, A, B]);
  assert.deepEqual(JSON.parse(text), { version: 1, fingerprints: [A, B] });
  assert.deepEqual([...parseBaseline(text)], [A, B]);
});

test('a baseline that is not one is refused with a reason that does not quote it', () => {
  const cases: [string, string][] = [
    ['jane@example.com', 'not JSON'],
    ['[1]', 'not a JSON object'],
    [`{"version":2,"fingerprints":[]}`, 'version is not 1'],
    [`{"version":1}`, 'fingerprints is not a list'],
    [`{"version":1,"fingerprints":["jane@example.com"]}`, 'a fingerprint is not 64 lower-case hex characters'],
  ];
  for (const [text, reason] of cases) {
    assert.throws(() => parseBaseline(text), (err: unknown) => err instanceof BaselineError && err.message === reason);
  }
});
