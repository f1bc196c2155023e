import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { serialize, deserialize } from 'node:v8';
import { simulate } from './simulator/simulate.ts';
import { readEntries } from './read-entries.ts';
import { prepareEntry } from '../core/prepare-entry.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { createScanner } from '../core/findings/scanner.ts';
import { createKeyedHash } from '../core/findings/keyed-hash.ts';
import { EntryIdentity } from '../core/identity/entry-identity.ts';
import { decodeBatch, encodeBatch } from './prepared-batch-codec.ts';

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const SECRET = Buffer.from('codec-tests-secret-codec-tests-secret');

async function preparedSimulation(format: 'plain' | 'json'): Promise<PreparedEntry[]> {
  const scanner = createScanner({ secret: SECRET });
  const identity = new EntryIdentity();
  const key = createKeyedHash(SECRET);
  const text = [...simulate({ seed: 7, start: Date.parse('2026-11-20T00:00:00Z'), lines: 3000, format, leaks: true, quirks: true })].join('');
  const out: PreparedEntry[] = [];
  for await (const entries of readEntries(once(text), format)) for (const e of entries) out.push(prepareEntry(e, scanner, identity, key));
  return out;
}

for (const format of ['plain', 'json'] as const) {
  test(`prepared ${format} entries cross the thread boundary unchanged`, async () => {
    const batch = await preparedSimulation(format);
    assert.ok(batch.some((p) => p.findings.length > 1) && batch.some((p) => p.entry.http !== undefined || format === 'plain'));
    assert.ok(batch.some((p) => p.signal !== null) && batch.some((p) => p.leakedQueryHashes.length > 0));
    // What postMessage does: a structured clone of the encoded form.
    assert.deepEqual(decodeBatch(deserialize(serialize(encodeBatch(batch)))), batch);
  });
}

test('the connection id keyed on the prepare side is the keyed hash the reconnect rule stores', async () => {
  const batch = await preparedSimulation('plain');
  const withId = batch.filter((p) => p.signal !== null && 'connectionId' in p.signal && p.signal.connectionId !== null);
  assert.ok(withId.length > 100);
  for (const p of withId) {
    const id = p.signal !== null && 'connectionId' in p.signal ? p.signal.connectionId : null;
    assert.equal(p.connectionMac, createHmac('sha256', SECRET).update(`conn:${id}`).digest('hex'));
  }
});
