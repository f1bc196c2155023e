/** Realistic values of the shared types for the page's tests. */
import type { Report, SeriesRow, TargetResult } from '../../../core/report.ts';
import type { StoredEvent } from '../../../core/events/event.ts';
import type { StoredFinding } from '../../../core/findings/finding.ts';
import type { Health } from '../../../core/api.ts';

const emptyLatency = { count: 0, avg: null, p50: null, p95: null, p99: null, max: null };

export function seriesRow(t: string, changes: Partial<SeriesRow> = {}): SeriesRow {
  return { t, opened: 0, failed: 0, errors: 0, violations: 0, firstTokenP50: null, firstTokenP95: null, interTokenAvg: null, active: 0, ...changes };
}

export function target(changes: Partial<TargetResult> & Pick<TargetResult, 'id'>): TargetResult {
  return { target: '< 100 ms', op: '<', threshold: 100, unit: 'ms', actual: null, pass: null, reason: 'no data in the window', ...changes };
}

export function report(changes: Partial<Report> = {}): Report {
  return {
    window: { from: '2025-03-10T13:00:00.000Z', to: '2025-03-10T14:00:00.000Z' },
    entries: 0,
    connections: { attempts: 0, opened: 0, closed: 0, failed: 0, reconnects: 0, active: 0, peakConcurrent: 0, successRate: null },
    latency: { firstTokenMs: emptyLatency, interTokenMs: emptyLatency, streamDurationMs: emptyLatency },
    errors: { count: 0, rate: null },
    proxy: { errors: 0, byCode: {} },
    rateLimit: { violations: 0, perHour: null, testTraffic: 0, topKeys: [] },
    gdpr: { entriesFlagged: 0, byRule: {}, hashCoverage: null, sources: [] },
    targets: [],
    incidents: [],
    deploys: [],
    gaps: [],
    series: [],
    ...changes,
  };
}

export function storedEvent(id: number, changes: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    time: new Date(Date.parse('2025-03-10T13:00:00Z') + id * 1000).toISOString(),
    type: 'stream.open',
    level: 'info',
    instance: '148e272a4d9589',
    connectionId: `conn-${id}`,
    key: 'user:ab…12',
    test: false,
    summary: '[Stream] Starting stream: conn, query: <redacted>',
    data: {},
    entryId: id,
    ...changes,
  };
}

export function storedFinding(id: number, changes: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id,
    rule: 'plaintext-query',
    severity: 'high',
    time: '2025-03-10T13:10:00.000Z',
    instance: '148e272a4d9589',
    provider: 'app',
    entryId: id,
    source: 'message',
    field: 'message',
    start: 10,
    end: 30,
    length: 20,
    preview: 'Wh…20',
    fingerprint: 'f'.repeat(64),
    template: '[Stream] Starting stream: <id>, query: <…>',
    status: 'open',
    history: [],
    ...changes,
  };
}

export function health(changes: Partial<Health> = {}): Health {
  return {
    status: 'ok',
    source: { kind: 'simulate', target: 'simulated staging traffic', state: 'running', reason: null, restarts: 0, lastRestartAt: null, lastEntryAt: '2025-03-10T13:59:59.000Z' },
    store: { path: './data/demo.db', bytes: 1_048_576, writable: true, reason: null, retentionDays: 30, entries: 1200, oldestEntryAt: '2025-03-09T13:00:00.000Z' },
    lagSeconds: 1,
    demo: true,
    version: '0.1.0',
    ...changes,
  };
}
