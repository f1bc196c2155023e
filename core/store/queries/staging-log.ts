import type { LogEntry } from '../../entry.ts';
import type { Finding } from '../../findings/finding.ts';
import type { PreparedEntry } from '../../prepare-entry.ts';
import { Store } from '../store.ts';
import { BatchIngester } from '../batch-ingester.ts';
import { classifyEntry } from '../../events/classify-entry.ts';
import { lineTemplate } from '../../findings/line-template.ts';
import { EntryIdentity } from '../../identity/entry-identity.ts';
import { testKeyMatcher } from '../../test-traffic.ts';

/**
 * Hand-built staging traffic, as the backend writes it and as the redactor leaves it, for the report's tests and
 * benchmark: each call appends the log lines one fact produces (the `[Stream]` text and its `[AUDIT]` twin, the
 * warn line and the audit line of a 429, …), timed in seconds from a start.
 */
export class StagingLog {
  readonly entries: Array<{ entry: LogEntry; findings: Finding[] }> = [];
  private leaks = 0;

  constructor(
    readonly startMs: number,
    readonly instance = 'e2862692b79d68',
  ) {}

  timeOf(sec: number): number {
    return this.startMs + Math.round(sec * 1000);
  }

  /** `[Stream] Starting stream` (its query already redacted) and the `[AUDIT]` open. */
  open(sec: number, conn: string, o: { user?: string; hash?: string | null; lines?: 'both' | 'text' | 'audit'; instance?: string } = {}): this {
    const lines = o.lines ?? 'both';
    if (lines !== 'audit') this.startingStream(sec, conn, o.instance);
    if (lines !== 'text') {
      const hash = o.hash === undefined ? 'a1b2c3d4e5f60718' : o.hash;
      this.audit(sec, 'info', {
        operation: 'stream.chat', userId: o.user ?? 'user-7f3a', success: true,
        metadata: { connectionId: conn, ...(hash === null ? {} : { queryHash: hash }), queryLength: 24 },
      }, o.instance);
    }
    return this;
  }

  startingStream(sec: number, conn: string, instance?: string): this {
    const prefix = `[Stream] Starting stream: ${conn}, query: `;
    const finding: Finding = {
      rule: 'plaintext-query', severity: 'high', source: 'message', field: 'message', start: prefix.length, end: prefix.length + 26,
      length: 24, preview: 'Wh…24', fingerprint: (++this.leaks).toString(16).padStart(64, '0'),
    };
    return this.push(sec, `${prefix}[REDACTED:plaintext-query]`, { instance, findings: [finding] });
  }

  firstToken(sec: number, conn: string, ms: number, instance?: string): this {
    return this.push(sec, `[Stream] First token latency: ${ms}ms for ${conn}`, { instance });
  }

  /** `Stream complete` and the `[AUDIT]` close that carries `firstTokenLatency` (omitted when null). */
  complete(sec: number, conn: string, o: { durationMs: number; tokens: number; firstTokenMs?: number | null; instance?: string }): this {
    this.push(sec, `[Stream] Stream complete: ${conn}, tokens: ${o.tokens}, latency: ${o.durationMs}ms`, { instance: o.instance });
    const metadata: Record<string, unknown> = { connectionId: conn, tokensReceived: o.tokens, duration: o.durationMs };
    if (o.firstTokenMs !== undefined && o.firstTokenMs !== null) metadata['firstTokenLatency'] = o.firstTokenMs;
    return this.audit(sec, 'info', { operation: 'stream.chat', success: true, duration: o.durationMs, metadata }, o.instance);
  }

  disconnect(sec: number, conn: string, instance?: string): this {
    return this.push(sec, `[Stream] Client disconnected: ${conn}`, { instance });
  }

  staleCleanup(sec: number, conn: string, instance?: string): this {
    return this.push(sec, `[Stream] Cleaning up stale connection: ${conn}`, { instance });
  }

  fail(sec: number, conn: string | null, o: { user?: string; error?: string; instance?: string } = {}): this {
    return this.audit(sec, 'warn', {
      operation: 'stream.chat', userId: o.user ?? 'user-7f3a', success: false, error: o.error ?? 'Stream initialization failed',
      metadata: conn === null ? {} : { connectionId: conn },
    }, o.instance);
  }

  backendError(sec: number, instance?: string): this {
    return this.push(sec, '[Stream] Backend error: upstream model timed out after 30000ms', { instance, level: 'error' });
  }

  /** The warn line and the `security.rate_limit_violation` audit line of one 429. */
  rateLimit(sec: number, user: string, instance?: string): this {
    this.push(sec, JSON.stringify({ level: 'warn', message: `🚨 Rate limit exceeded for user:${user} on /chat-stream`, timestamp: this.iso(sec) }), { instance, level: 'warn' });
    return this.audit(sec, 'warn', { operation: 'security.rate_limit_violation', userId: user, success: false, metadata: { limit: 20, window: 60 } }, instance);
  }

  proxyError(sec: number, code: string, instance = '4d895d5ec41638'): this {
    return this.push(sec, `[${code}] instance refused connection. is your app listening on 0.0.0.0:8080?`, { instance, provider: 'proxy', level: 'error' });
  }

  machineStart(sec: number, instance = this.instance): this {
    return this.push(sec, 'Machine started in 1.397s', { instance, provider: 'runner' });
  }

  healthFail(sec: number, instance = this.instance): this {
    return this.push(sec, "Health check 'servicecheck-00-http-8080' on port 8080 has failed. Your app is not responding properly.", {
      instance, provider: 'health', level: 'warn',
    });
  }

  /** A line that carries no event: request logs, heartbeats. */
  noise(sec: number, message = 'GET /api/v2/bali-zero/chat-stream - 10.0.0.12', instance?: string): this {
    return this.push(sec, message, { instance });
  }

  push(sec: number, message: string, o: { instance?: string | undefined; provider?: string; level?: string; findings?: Finding[] } = {}): this {
    const timeMs = this.timeOf(sec);
    this.entries.push({
      entry: {
        time: new Date(timeMs).toISOString(), timeMs, precision: 'subsecond', instance: o.instance ?? this.instance, provider: o.provider ?? 'app',
        region: 'sin', level: o.level ?? 'info', message, format: 'plain', unparsed: false, lines: 1,
      },
      findings: o.findings ?? [],
    });
    return this;
  }

  private audit(sec: number, level: string, fields: Record<string, unknown>, instance?: string): this {
    const line = { level, message: '[AUDIT]', userEmail: '[REDACTED]', ipAddress: '[REDACTED]', endpoint: '/chat-stream', method: 'GET', ...fields, gdprCompliant: true, timestamp: this.iso(sec) };
    return this.push(sec, JSON.stringify(line), { instance, level });
  }

  private iso(sec: number): string {
    return new Date(this.timeOf(sec)).toISOString();
  }
}

/** Entries ready for the ingester, as `prepareEntry` makes them once the scanner has run. */
export function prepareLog(log: StagingLog, identity = new EntryIdentity()): PreparedEntry[] {
  return log.entries.map(({ entry, findings }) => ({
    entry,
    findings,
    template: findings.length > 0 ? lineTemplate(entry.message) : '',
    signal: classifyEntry(entry),
    identity: identity.next(entry, findings.map((f) => f.fingerprint)),
    leakedQueryHashes: [],
    queryHashMac: null,
  }));
}

/** A store in memory holding the log, written through the real ingest path in batches. */
export function storeWith(log: StagingLog, batchSize = 500): Store {
  const store = Store.open(':memory:', { env: { FLIGHT_RECORDER_SECRET: 'report-tests-secret-report-tests-secret' } });
  ingestLog(store, log, batchSize);
  return store;
}

export function ingestLog(store: Store, log: StagingLog, batchSize = 500): void {
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  const prepared = prepareLog(log);
  for (let i = 0; i < prepared.length; i += batchSize) ingester.ingest(prepared.slice(i, i + batchSize), null, null);
}
