import type { TransportFormat } from '../../core/entry.ts';
import type { RuleId } from '../../core/findings/finding.ts';
import { maskKey } from '../../core/findings/mask.ts';
import { activeAt, peakConcurrent, type StreamSpan } from '../../core/metrics/concurrency.ts';
import { summarizeLatency } from '../../core/metrics/latency-summary.ts';
import type { Deploy, RateLimitKey, Report } from '../../core/report.ts';
import { DEFAULT_TEST_KEY_PATTERNS, testKeyMatcher } from '../../core/test-traffic.ts';
import type { OutRecord, StreamFacts, ViolationFacts } from './record.ts';
import { floorToSecond, milliTime, nanoTime, plainTime } from './timestamps.ts';
import { appMessage } from './winston-json.ts';

const TOP_KEYS = 10;
const HOUR_MS = 3_600_000;

/** What the store may keep of a key: of an API-key prefix only its first 4 characters (spec/gdpr.md). */
function storedKey(key: string): string {
  return key.startsWith('key:') && key.length > 8 ? `${key.slice(0, 8)}…` : key;
}

/**
 * The report that ingesting the simulator's output must produce over the whole window, computed from what the
 * model decided happened and which of its lines were written, at the precision the format carries (whole
 * seconds in plain). Memory grows with streams and violations, not with lines.
 */
export class TruthAccumulator {
  private entries = 0;
  private firstMs: number | null = null;
  private lastMs: number | null = null;
  private readonly streams: StreamFacts[] = [];
  private readonly seenIds = new Set<string>();
  private failed = 0;
  private streamErrors = 0;
  private readonly violations: Array<ViolationFacts | string> = [];
  private readonly byCode: Record<string, number> = {};
  private proxyErrors = 0;
  private readonly deploys: Deploy[] = [];
  private flagged = 0;
  private readonly byRule: Partial<Record<RuleId, number>> = {};
  /** Entries printing the hash of an uncommon query, by query: [flagged for other rules, not flagged]. */
  private readonly pendingHashes = new Map<string, [number, number]>();
  private readonly isTest = testKeyMatcher(DEFAULT_TEST_KEY_PATTERNS);

  constructor(private readonly format: TransportFormat) {}

  /** A written record (never a replayed copy), with the rules its entry breaks. */
  add(rec: OutRecord, rules: readonly RuleId[], pendingHashOf: string | null = null): void {
    if (rec.kind === 'garbage') {
      // In plain `fly logs` a valid line without a prefix continues the entry above it.
      if (!(rec.variant === 'bigline' && this.format === 'plain')) this.entries++;
      return;
    }
    this.entries++;
    if (rules.length > 0) {
      this.flagged++;
      for (const r of rules) this.byRule[r] = (this.byRule[r] ?? 0) + 1;
    }
    if (pendingHashOf !== null) {
      const counts = this.pendingHashes.get(pendingHashOf) ?? [0, 0];
      counts[rules.length > 0 ? 0 : 1]++;
      this.pendingHashes.set(pendingHashOf, counts);
    }
    if (rec.kind === 'truncated') {
      if (this.format === 'plain') this.time(rec.ms);
      return;
    }
    const t = this.time(rec.ms);
    const fact = rec.fact;
    if (fact === null) return;
    switch (fact.k) {
      case 'open': {
        const s = fact.s;
        if (s.openAt !== null) return;
        s.openAt = t;
        s.reconnect = this.seenIds.has(s.connectionId);
        this.seenIds.add(s.connectionId);
        this.streams.push(s);
        return;
      }
      case 'first-token':
        fact.s.firstTokenSeen = true;
        return;
      case 'close': {
        const s = fact.s;
        if (s.closeAt === null) s.closeAt = t;
        if (fact.duration) s.durationSeen = true;
        if (fact.audit && s.firstTokenMs !== null) s.firstTokenSeen = true;
        return;
      }
      case 'fail':
        this.failed++;
        // A failure naming a stream opened within 5 s that has not closed takes that open.
        if (fact.s !== null && fact.s.openAt !== null && fact.s.closeAt === null) fact.s.failed = true;
        return;
      case 'stream-error':
        this.streamErrors++;
        return;
      case 'ratelimit': {
        const v = fact.v;
        if (fact.via === 'warn') v.warnSeen = true;
        else v.auditSeen = true;
        if (!v.counted) {
          v.counted = true;
          this.violations.push(v);
        }
        return;
      }
      case 'ratelimit-ip':
        this.violations.push(`ip:${fact.ip}`);
        return;
      case 'proxy':
        if (this.format === 'app' || (this.format === 'plain' && fact.hiddenInPlain)) return;
        this.byCode[fact.code] = (this.byCode[fact.code] ?? 0) + 1;
        this.proxyErrors++;
        return;
      case 'machine-start':
        this.deploys.push({ at: this.timeText(rec.ms, rec.sub), instance: rec.machine.id, summary: appMessage(rec.body, rec.ms).split('\n', 1)[0] ?? '' });
        return;
    }
  }

  private time(ms: number): number {
    const t = this.format === 'plain' ? floorToSecond(ms) : ms;
    if (this.firstMs === null) this.firstMs = t;
    this.lastMs = t;
    return t;
  }

  /** An entry's `time` as the format carries it. */
  private timeText(ms: number, sub: number): string {
    if (this.format === 'plain') return plainTime(ms);
    if (this.format === 'app') return milliTime(ms);
    return nanoTime(ms, sub);
  }

  /** `leakedInClear(query)`: whether the run printed that query in clear anywhere (settles linkable-hash). */
  report(leakedInClear: (query: string) => boolean = () => false): Report {
    let flagged = this.flagged;
    const byRule = { ...this.byRule };
    for (const [query, [alreadyFlagged, notYet]] of this.pendingHashes) {
      if (!leakedInClear(query)) continue;
      byRule['linkable-hash'] = (byRule['linkable-hash'] ?? 0) + alreadyFlagged + notYet;
      flagged += notYet;
    }
    const opened = this.streams.filter((s) => !s.failed);
    const attempts = opened.length + this.failed;
    const fromMs = this.firstMs ?? 0;
    const toMs = (this.lastMs ?? fromMs) + 1;
    const spans: StreamSpan[] = opened.map((s) => ({ openMs: s.openAt as number, closeMs: s.closeAt }));
    const firstToken: number[] = [];
    const durations: number[] = [];
    const interTokens: number[] = [];
    for (const s of this.streams) {
      if (s.firstTokenSeen && s.firstTokenMs !== null) firstToken.push(s.firstTokenMs);
      if (s.closeAt === null || !s.durationSeen || s.durationMs === null) continue;
      durations.push(s.durationMs);
      if (s.firstTokenSeen && s.firstTokenMs !== null && s.tokens !== null && s.tokens >= 2) {
        interTokens.push((s.durationMs - s.firstTokenMs) / (s.tokens - 1));
      }
    }
    const errors = this.failed + this.streamErrors;
    const spanMs = this.lastMs !== null && this.firstMs !== null ? this.lastMs - this.firstMs : 0;
    const keys = new Map<string, number>();
    let testTraffic = 0;
    for (const v of this.violations) {
      const key = typeof v === 'string' ? v : v.warnSeen ? v.warnKey : v.auditKey;
      if (key === null) continue;
      if (this.testKey(key)) testTraffic++;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    const topKeys: RateLimitKey[] = [...keys]
      .map(([key, count]) => {
        const test = this.testKey(key);
        return { key: test ? key : maskKey(storedKey(key)), count, test };
      })
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, TOP_KEYS);
    return {
      window: {
        from: this.firstMs === null ? null : new Date(this.firstMs).toISOString(),
        to: this.lastMs === null ? null : new Date(this.lastMs).toISOString(),
      },
      entries: this.entries,
      connections: {
        attempts,
        opened: opened.length,
        closed: this.streams.filter((s) => s.closeAt !== null).length,
        failed: this.failed,
        reconnects: this.streams.filter((s) => s.reconnect).length,
        active: activeAt(spans, toMs),
        peakConcurrent: peakConcurrent(spans, fromMs, toMs),
        successRate: attempts === 0 ? null : opened.length / attempts,
      },
      latency: {
        firstTokenMs: summarizeLatency(firstToken),
        interTokenMs: summarizeLatency(interTokens),
        streamDurationMs: summarizeLatency(durations),
      },
      errors: { count: errors, rate: attempts === 0 ? null : errors / attempts },
      proxy: { errors: this.proxyErrors, byCode: { ...this.byCode } },
      rateLimit: {
        violations: this.violations.length,
        perHour: spanMs > 0 ? this.violations.length / (spanMs / HOUR_MS) : null,
        testTraffic,
        topKeys,
      },
      gdpr: { entriesFlagged: flagged, byRule, hashCoverage: null, sources: [] },
      targets: [],
      incidents: [],
      deploys: this.deploys,
      gaps: [],
      series: [],
    };
  }

  /** The test plan's own keys (`user:ratelimit-test`…) are shown in clear and counted apart. */
  private testKey(key: string): boolean {
    return key.startsWith('user:') && this.isTest(key.slice(5));
  }
}
