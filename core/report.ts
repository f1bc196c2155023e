/**
 * The report of one window: the JSON of `report --format json` and `GET /api/report` (spec/interfaces.md).
 * Declared once, here, for the CLI, the API, the simulator's ground truth and the page. Keys are a public
 * contract: add, never rename or remove.
 */
import type { RuleId, Severity } from './findings/finding.ts';

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
  /** Share of stream opens with an `[AUDIT]` open line, well-formed hash or not; null without opens. Always set by the report. */
  auditCoverage?: number | null;
  /** The largest leak sources of the window, by entries: at most 50 (`sourceCount` says how many there are). */
  sources: LeakSource[];
  /** How many leak sources the window has in all. Always set by the report. */
  sourceCount?: number;
  /** Findings of the window still `open` (not acknowledged or resolved), by severity. Always set by the report. */
  openBySeverity?: Record<Severity, number>;
  /** `openBySeverity.high`: a high finding still open means roll back. Always set by the report. */
  openHigh?: number;
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
  /** Stable across reports: derived from the kind, the start and (for a key's burst) the key's fingerprint. */
  id: string;
  from: string;
  to: string;
  kind: string;
  summary: string;
  figures: Record<string, number | string | null>;
  /** Redacted entry texts that support the incident. */
  samples: string[];
  /** True when a source gap overlaps it: its figures may be short. */
  incomplete?: boolean;
}

/** The figures of one side of a deploy (`deployImpact`). */
export interface DeployWindowFigures {
  from: string;
  to: string;
  attempts: number;
  opened: number;
  failed: number;
  errors: number;
  errorRate: number | null;
  successRate: number | null;
  reconnects: number;
  firstTokenAvg: number | null;
  firstTokenP95: number | null;
  proxyErrors: number;
  violations: number;
  incomplete: boolean;
}

/** Figures in equal windows before and after a deploy (machine starts within 5 minutes are one deploy). */
export interface DeployImpact {
  at: string;
  instances: string[];
  /** Length of each side: 15 minutes, shortened so that both sides lie in the report's window. */
  windowMinutes: number;
  before: DeployWindowFigures;
  after: DeployWindowFigures;
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
  /** Added compatibly; always set by the report. */
  closed?: number;
  reconnects?: number;
  proxyErrors?: number;
  /** Violations of the test plan's own keys (included in `violations`). */
  testViolations?: number;
  entries?: number;
  /** True when a source gap overlaps the bucket. */
  incomplete?: boolean;
}

export type SeriesBucket = '1m' | '5m' | '1h';

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
  /** The series' bucket; null when no series was asked for (`--bucket none`). Always set by the report. */
  bucket?: SeriesBucket | null;
  /** True when a gap overlaps the window: the figures may be short. Always set by the report. */
  incomplete?: boolean;
  /** Always set by the report (empty without deploys). */
  deployImpact?: DeployImpact[];
  /** The test plan's verdict for this window, as the Markdown export and the page show it. Always set by the report. */
  recommendation?: Recommendation;
}

export type Verdict = 'ready' | 'needs-fixes' | 'roll-back';

export interface Recommendation {
  verdict: Verdict;
  reasons: string[];
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
