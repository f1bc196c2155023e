/**
 * The API's addresses, built in one place so every view asks the same way (spec/interfaces.md § HTTP API).
 * Values are encoded by URLSearchParams: filter text and connection ids are data, never address syntax.
 */
import type { ReviewStatus, RuleId, Severity } from '../../../core/findings/finding.ts';

export type QueryValue = string | number | null | undefined;

/** `?a=1&b=x` without the empty values, or `''` when nothing is left. */
export function buildQuery(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export interface WindowQuery {
  from: string;
  to: string;
}

export type ReportFormat = 'json' | 'md' | 'csv';

export function reportPath(window: WindowQuery, format: ReportFormat = 'json'): string {
  const base = format === 'json' ? '/api/report' : `/api/report.${format}`;
  return base + buildQuery({ from: window.from, to: window.to });
}

export interface EventQuery {
  type?: string;
  connection?: string;
  key?: string;
  level?: string;
  instance?: string;
  q?: string;
}

export function eventsPath(filters: EventQuery, window: WindowQuery, cursor: string | null, limit = 100): string {
  return '/api/events' + buildQuery({ ...filters, from: window.from, to: window.to, limit, cursor });
}

export interface FindingQuery {
  rule?: RuleId | string;
  severity?: Severity | string;
  status?: ReviewStatus | string;
}

export function findingsPath(filters: FindingQuery, window: WindowQuery, cursor: string | null, limit = 100): string {
  return '/api/findings' + buildQuery({ ...filters, from: window.from, to: window.to, limit, cursor });
}

export function findingStatusPath(id: number): string {
  return `/api/findings/${encodeURIComponent(String(id))}/status`;
}

export function connectionPath(connectionId: string): string {
  return `/api/connections/${encodeURIComponent(connectionId)}`;
}

/** The live socket on the page's own origin; `from` asks for the metrics window when the server honours it. */
export function liveSocketUrl(location: { protocol: string; host: string }, from: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws${buildQuery({ from })}`;
}
