import type { Health, LiveMessage } from '../../core/api.ts';
import type { Report } from '../../core/report.ts';
import type { StoredEvent } from '../../core/events/event.ts';
import type { CommittedBatch } from '../../ingest/live/live-ingest-handle.ts';
import { ClientOutbox, DEFAULT_OUTBOX_LIMITS } from './client-outbox.ts';
import type { LiveClient, OutboxLimits } from './client-outbox.ts';

export interface LiveHubDeps {
  /** The report from `from` (ISO or relative, as the page sent it) to now. */
  report(from: string): Promise<Report>;
  latestEvents(): StoredEvent[];
  health(): Health;
  now(): number;
  log: { warn(obj: object, msg: string): void };
  /** `metrics` go out at most this often (and only after something was committed). */
  metricsIntervalMs?: number;
  limits?: OutboxLimits;
  onClientCount?(count: number): void;
}

/** Distinct report windows computed per tick; past this, clients get the default window's figures. */
const MAX_WINDOWS = 8;
export const DEFAULT_LIVE_FROM = '-1h';

/**
 * The WebSocket side of the live ingest: a snapshot on connect, then what the store committed (`event`,
 * `finding`), a `metrics` report at most once a second, and `status` when the source changes. A report that
 * takes long spaces the next ones out, so a heavy window cannot keep the event loop busy.
 */
export class LiveHub {
  private readonly clients = new Map<LiveClient, { outbox: ClientOutbox; from: string }>();
  private dirty = false;
  private building = false;
  private nextReportAt = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: LiveHubDeps) {
    this.timer = setInterval(() => this.tick(), deps.metricsIntervalMs ?? 1000);
    this.timer.unref();
  }

  async connect(client: LiveClient, from: string = DEFAULT_LIVE_FROM): Promise<void> {
    const outbox = new ClientOutbox(client, this.deps.limits ?? DEFAULT_OUTBOX_LIMITS);
    this.clients.set(client, { outbox, from });
    this.deps.onClientCount?.(this.clients.size);
    const report = await this.deps.report(from);
    const events = this.deps.latestEvents();
    const message: LiveMessage = { type: 'snapshot', report, events, health: this.deps.health() };
    const newest = events.reduce<number | null>((max, e) => (max === null || e.id > max ? e.id : max), null);
    if (this.clients.has(client)) outbox.sendSnapshot(JSON.stringify(message), newest);
  }

  disconnect(client: LiveClient): void {
    if (this.clients.delete(client)) this.deps.onClientCount?.(this.clients.size);
  }

  committed(batch: CommittedBatch): void {
    if (batch.entries > 0 || batch.events.length > 0 || batch.findings.length > 0) this.dirty = true;
    if (this.clients.size === 0) return;
    for (const event of batch.events) this.broadcast('event', JSON.stringify({ type: 'event', event } satisfies LiveMessage), event.id);
    for (const finding of batch.findings) this.broadcast('finding', JSON.stringify({ type: 'finding', finding } satisfies LiveMessage));
  }

  statusChanged(): void {
    if (this.clients.size === 0) return;
    this.broadcast('status', JSON.stringify({ type: 'status', health: this.deps.health() } satisfies LiveMessage));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Builds and sends the `metrics` of every window clients asked for; exposed for tests. */
  async sendMetrics(): Promise<void> {
    if (this.building || this.clients.size === 0) return;
    this.building = true;
    this.dirty = false;
    const started = this.deps.now();
    try {
      const byWindow = new Map<string, ClientOutbox[]>();
      for (const { outbox, from } of this.clients.values()) {
        const key = byWindow.has(from) || byWindow.size < MAX_WINDOWS ? from : DEFAULT_LIVE_FROM;
        byWindow.set(key, [...(byWindow.get(key) ?? []), outbox]);
      }
      for (const [from, outboxes] of byWindow) {
        const text = JSON.stringify({ type: 'metrics', report: await this.deps.report(from) } satisfies LiveMessage);
        for (const outbox of outboxes) outbox.push('metrics', text);
      }
    } finally {
      const took = this.deps.now() - started;
      this.nextReportAt = this.deps.now() + 4 * took;
      this.building = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const client of this.clients.keys()) client.close(1001, 'server shutting down');
    this.clients.clear();
  }

  private tick(): void {
    for (const { outbox } of this.clients.values()) outbox.flush();
    if (!this.dirty || this.deps.now() < this.nextReportAt) return;
    this.sendMetrics().catch((err: unknown) => this.deps.log.warn({ err }, 'the live metrics could not be built'));
  }

  private broadcast(type: LiveMessage['type'], text: string, eventId: number | null = null): void {
    for (const { outbox } of this.clients.values()) outbox.push(type, text, eventId);
  }
}
