/**
 * For tests of the queries and the server: a real SQLite store in a temp folder, filled by the same path the
 * ingest takes (reader → prepareEntry → BatchIngester), from `fly logs` text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store.ts';
import { BatchIngester } from '../batch-ingester.ts';
import { createEntryReader } from '../../formats/entry-reader.ts';
import { prepareEntry } from '../../prepare-entry.ts';
import { EntryIdentity } from '../../identity/entry-identity.ts';
import { testKeyMatcher } from '../../test-traffic.ts';
import { createScanner } from '../../findings/scanner.ts';
import type { TextScanner } from './set-finding-status.ts';

export interface TestStore {
  store: Store;
  dir: string;
  path: string;
  /** Ingests more `fly logs` lines. */
  ingest(lines: readonly string[]): void;
  cleanup(): void;
}

/** A fixed secret, so tests can compute the fingerprints they expect. */
export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export function openTestStore(lines: readonly string[] = [], options: { scanner?: Parameters<typeof prepareEntry>[1]; kind?: 'real' | 'demo' } = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'fr-store-'));
  const path = join(dir, 'flight-recorder.db');
  const store = Store.open(path, { env: { FLIGHT_RECORDER_SECRET: TEST_SECRET }, kind: options.kind ?? 'real' });
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  const identity = new EntryIdentity();
  const ingest = (more: readonly string[]): void =>
    ingestText(ingester, more.map((l) => `${l}\n`).join(''), options.scanner ?? null, identity, Infinity);
  ingest(lines);
  return {
    store,
    dir,
    path,
    ingest,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Ingests `fly logs` text as the `ingest` command does on one thread: read, scanned with the store's secret,
 * identified, and written `batchSize` entries a transaction.
 */
export function ingestPlainLog(ingester: BatchIngester, text: string, secret: Buffer, batchSize = 2000): void {
  ingestText(ingester, text, createScanner({ secret }), new EntryIdentity(), batchSize);
}

/** `fly logs` text read, prepared with `scanner` (none: unscanned) and `identity`, and written `batchSize` entries a transaction. */
function ingestText(ingester: BatchIngester, text: string, scanner: Parameters<typeof prepareEntry>[1], identity: EntryIdentity, batchSize: number): void {
  const reader = createEntryReader('plain', { now: () => Date.parse('2026-11-20T10:00:00Z') });
  const entries = [...reader.push(text), ...reader.end()];
  // One transaction even for no entries: an empty batch commits the joiner's state, as the first ingest always did.
  for (let i = 0; i === 0 || i < entries.length; i += batchSize) {
    ingester.ingest(entries.slice(i, i + batchSize).map((e) => prepareEntry(e, scanner, identity)), null, null);
  }
}

/**
 * A stand-in for the GDPR scanner where a test needs one that is surely there: it redacts e-mail addresses
 * only. The real scanner is tested on its own.
 */
export const emailOnlyScanner: TextScanner = {
  scan(entry) {
    return { entry: { ...entry, message: entry.message.replace(/[^\s@]+@[^\s@]+\.[a-z]{2,}/gi, '[REDACTED:email]') } };
  },
};

/** `fly logs` lines of a short staging session: opens, a reconnect, a close, a failure, rate limits, a deploy. */
export function stagingLines(): string[] {
  const audit = (fields: Record<string, unknown>): string => JSON.stringify({ level: 'info', message: '[AUDIT]', ...fields, timestamp: '2026-11-20T09:00:00.000Z' });
  return [
    '2026-11-20T09:00:00Z runner[5683606c41098e] sin [info]Machine started in 1.397s',
    '2026-11-20T09:00:01Z app[5683606c41098e] sin [info][Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: "What is B211A?"',
    `2026-11-20T09:00:01Z app[5683606c41098e] sin [info]${audit({ operation: 'stream.chat', userId: 'test-user-1', success: true, metadata: { connectionId: 'conn_1732190000000_k3j2h1g0f', queryHash: 'a1b2c3d4e5f60718', queryLength: 14 } })}`,
    '2026-11-20T09:00:02Z app[5683606c41098e] sin [info][Stream] First token latency: 84ms for conn_1732190000000_k3j2h1g0f',
    '2026-11-20T09:00:05Z app[5683606c41098e] sin [info][Stream] Stream complete: conn_1732190000000_k3j2h1g0f, tokens: 42, latency: 3900ms',
    '2026-11-20T09:00:10Z app[5683606c41098e] sin [info][Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: "Tell me more"',
    '2026-11-20T09:00:12Z app[5683606c41098e] sin [info][Stream] Client disconnected: conn_1732190000000_k3j2h1g0f',
    '2026-11-20T09:00:20Z app[e2862692b79d68] sin [warn]🚨 Rate limit exceeded for user:alice on /chat-stream',
    `2026-11-20T09:00:20Z app[e2862692b79d68] sin [warn]${audit({ level: 'warn', operation: 'security.rate_limit_violation', userId: 'alice', success: false, metadata: { identifier: 'user:alice', limit: 20, window: 60 } })}`,
    '2026-11-20T09:00:30Z app[e2862692b79d68] sin [warn]🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream',
    `2026-11-20T09:00:40Z app[e2862692b79d68] sin [warn]${audit({ level: 'warn', operation: 'stream.chat', success: false, error: 'Stream initialization failed', metadata: { connectionId: 'conn_1732190000999_zzzzzzzzz' } })}`,
    '2026-11-20T09:00:50Z proxy[e2862692b79d68] sin [error][PC01] instance refused connection. is your app listening on 0.0.0.0:8080?',
    '2026-11-20T09:01:00Z app[5683606c41098e] sin [info][Stream] Backend error: upstream 100% busy_now',
  ];
}
