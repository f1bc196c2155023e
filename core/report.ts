/**
 * The report of one window: the JSON of `report --format json` and `GET /api/report` (spec/interfaces.md).
 * Declared once, here, for the CLI, the API, the simulator's ground truth and the page. Keys are a public
 * contract: add, never rename or remove.
 */
import type { RuleId } from './findings/finding.ts';

/** `{count, avg, p50, p95, p99, max}` in milliseconds; `count: 0` and nulls when there are no samples. */
export interface LatencySummary {
  count: number;
  avg: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface ConnectionFigures {
  attempts: number;
  opened: number;
  closed: number;
  failed: number;
  reconnects: number;
  active: number;
  peakConcurrent: number;
  /** opened / attempts; null when there were no attempts. */
  successRate: number | null;
}

export interface LatencyFigures {
  firstTokenMs: LatencySummary;
  /** Estimated: (duration − firstToken) / (tokens − 1); the backend does not log it. */
  interTokenMs: LatencySummary;
  streamDurationMs: LatencySummary;
}

export interface ErrorFigures {
  count: number;
  rate: number | null;
}

export interface ProxyFigures {
  errors: number;
  byCode: Record<string, number>;
}

export interface RateLimitKey {
  /** Masked unless it is test traffic (the plan's own keys are not personal data). */
  key: string;
  count: number;
  test: boolean;
}

export interface RateLimitFigures {
  violations: number;
  perHour: number | null;
  testTraffic: number;
  topKeys: RateLimitKey[];
}

export interface LeakSource {
  template: string;
  rule: RuleId;
  count: number;
  firstSeen: string;
  lastSeen: string;
  instances: string[];
}

export interface GdprFigures {
  entriesFlagged: number;
  byRule: Partial<Record<RuleId, number>>;
  /** Share of stream opens that carry a well-formed queryHash; null when there were no opens. */
  hashCoverage: number | null;
  sources: LeakSource[];
}

export type TargetId =
  | 'first-token-avg'
  | 'inter-token-avg'
  | 'error-rate'
  | 'connection-success'
  | 'rate-limit-per-hour'
  | 'gdpr-plaintext';

export interface TargetResult {
  id: TargetId;
  target: string;
  op: '<' | '>' | '<=' | '>=' | '=';
  threshold: number;
  unit: 'ms' | 'fraction' | 'per-hour' | 'entries';
  actual: number | null;
  /** null when the logs cannot judge it; `reason` then says why. */
  pass: boolean | null;
  reason: string | null;
}

export interface Incident {
  id: string;
  from: string;
  to: string;
  kind: string;
  summary: string;
  figures: Record<string, number | string | null>;
  /** Redacted entry texts that support the incident. */
  samples: string[];
}

export interface Deploy {
  at: string;
  instance: string;
  summary: string;
}

export interface Gap {
  from: string;
  to: string;
  reason: string;
}

export interface SeriesRow {
  t: string;
  opened: number;
  failed: number;
  errors: number;
  violations: number;
  firstTokenP50: number | null;
  firstTokenP95: number | null;
  interTokenAvg: number | null;
  active: number;
}

export interface Report {
  window: { from: string | null; to: string | null };
  entries: number;
  connections: ConnectionFigures;
  latency: LatencyFigures;
  errors: ErrorFigures;
  proxy: ProxyFigures;
  rateLimit: RateLimitFigures;
  gdpr: GdprFigures;
  targets: TargetResult[];
  incidents: Incident[];
  deploys: Deploy[];
  gaps: Gap[];
  series: SeriesRow[];
}

/** The last line of `ingest`'s stdout. */
export interface IngestSummary {
  lines: number;
  entries: number;
  duplicates: number;
  unparsed: number;
  events: number;
  findings: number;
}
