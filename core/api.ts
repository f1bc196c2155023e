/**
 * Shapes of the HTTP API and WebSocket that are not the report itself (spec/interfaces.md § HTTP API).
 * Declared once for the server and the page.
 */
import type { Report } from './report.ts';
import type { StoredEvent } from './events/event.ts';
import type { StoredFinding } from './findings/finding.ts';

export type SourceState = 'starting' | 'running' | 'restarting' | 'stalled' | 'down' | 'stopped' | 'finished';

export interface SourceStatus {
  /** `fly`, `nats`, `file`, `simulate`. */
  kind: string;
  /** What it reads: the app name, the file path, `simulated staging traffic`. */
  target: string;
  state: SourceState;
  /** Why it is not running, or why it last restarted. */
  reason: string | null;
  restarts: number;
  lastRestartAt: string | null;
  /** Time of the last entry read. */
  lastEntryAt: string | null;
}

export interface StoreStatus {
  path: string;
  bytes: number;
  writable: boolean;
  reason: string | null;
  retentionDays: number;
  entries: number;
  oldestEntryAt: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  /** Why it is degraded (source down or stalled, store not writable); null while ok. */
  reason?: string | null;
  source: SourceStatus;
  store: StoreStatus;
  /** Seconds between now and the newest entry's time; null before any entry. */
  lagSeconds: number | null;
  demo: boolean;
  version: string;
}

/**
 * What `/healthz` tells a caller without the token when the service has one (Fly's checks, load balancers):
 * states and times, not what is read or where it is stored.
 */
export interface PublicHealth {
  status: Health['status'];
  reason: string | null;
  source: Pick<SourceStatus, 'kind' | 'state' | 'restarts' | 'lastRestartAt' | 'lastEntryAt'>;
  store: Pick<StoreStatus, 'writable'>;
  lagSeconds: number | null;
  version: string;
}

export function publicHealth(health: Health): PublicHealth {
  const { source, store } = health;
  return {
    status: health.status,
    reason: health.status === 'ok' ? null : !store.writable ? 'the store cannot be written' : `the ${source.kind} source is ${source.state}`,
    source: { kind: source.kind, state: source.state, restarts: source.restarts, lastRestartAt: source.lastRestartAt, lastEntryAt: source.lastEntryAt },
    store: { writable: store.writable },
    lagSeconds: health.lagSeconds,
    version: health.version,
  };
}

export interface ConnectionStream {
  openedAt: string | null;
  closedAt: string | null;
  reconnect: boolean;
  failed: boolean;
  stale: boolean;
  firstTokenMs: number | null;
  durationMs: number | null;
  tokens: number | null;
  instance: string;
}

export interface ConnectionLife {
  connectionId: string;
  streams: ConnectionStream[];
  events: StoredEvent[];
}

export interface ApiError {
  error: { code: string; message: string };
}

/** Messages on `WS /ws`. */
export type LiveMessage =
  | { type: 'snapshot'; report: Report; events: StoredEvent[]; health: Health }
  | { type: 'event'; event: StoredEvent }
  | { type: 'finding'; finding: StoredFinding }
  | { type: 'metrics'; report: Report }
  | { type: 'status'; health: Health };
