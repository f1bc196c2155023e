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
import type { Signal } from '../core/events/signal.ts';

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

test('every kind of signal, with and without its optional fields, crosses unchanged', () => {
  const signals: Signal[] = [
    { kind: 'open', via: 'audit', connectionId: 'conn_1', queryHash: 'a1b2c3d4e5f60718', userId: 'u1' },
    { kind: 'open', via: 'text', connectionId: 'conn_2', queryHash: null, userId: null },
    { kind: 'first-token', connectionId: 'conn_1', ms: 71.5 },
    { kind: 'close', via: 'audit', connectionId: 'conn_1', durationMs: 3000, firstTokenMs: 70, tokens: 0 },
    { kind: 'close', via: 'stale', connectionId: 'conn_2', durationMs: null, firstTokenMs: null, tokens: null },
    { kind: 'fail', connectionId: 'conn_3', error: 'upstream 502', userId: 'u2' },
    { kind: 'fail', connectionId: null, error: null, userId: null },
    { kind: 'stream-error' },
    { kind: 'ratelimit', via: 'warn', key: 'user:[REDACTED:email]' },
    { kind: 'ratelimit', via: 'global', key: null },
    { kind: 'auth', operation: 'auth.login', success: true, userId: 'u3' },
    { kind: 'auth', operation: 'auth.login', success: false, userId: null },
    { kind: 'auth', operation: 'auth.refresh', success: null, userId: null },
    { kind: 'platform', type: 'platform.proxy-error', code: 'PC01' },
    { kind: 'platform', type: 'platform.machine-start', code: null },
  ];
  const batch: PreparedEntry[] = signals.map((signal, i) => ({
    entry: {
      time: `2026-11-20T09:00:0${i % 10}.123456789Z`, timeMs: Date.parse('2026-11-20T09:00:00Z') + i, precision: i % 2 === 0 ? 'subsecond' : 'second',
      instance: i % 3 === 0 ? '' : '4d895d5ec41638', provider: 'app', region: 'sin', level: 'info', message: `line ${i} 🚀`, format: 'plain',
      unparsed: i === 4, lines: 1 + (i % 3),
      ...(i % 4 === 0 ? { http: { method: 'GET', url: '/x?query=[REDACTED:plaintext-query]', status: 200 } } : {}),
    },
    findings: i % 5 === 0 ? [] : [
      { rule: 'email', severity: 'high', source: 'message', field: 'message', start: 1, end: 9, length: 8, preview: '…@example.org', fingerprint: 'f'.repeat(64) },
    ],
    signal,
    identity: -9_000_000_000_000_000_000n + BigInt(i),
    leakedQueryHashes: i === 3 ? ['m1', 'm2'] : [],
    queryHashMac: i === 2 ? 'mac' : null,
    connectionMac: i === 1 ? 'cmac' : null,
  }));
  assert.deepEqual(decodeBatch(deserialize(serialize(encodeBatch(batch)))), batch);
  assert.deepEqual(decodeBatch(deserialize(serialize(encodeBatch([])))), []);
});
