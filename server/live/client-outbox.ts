import type { LiveMessage } from '../../core/api.ts';

/** What the hub needs of a WebSocket (`ws` fits): tests use a fake one that is as slow as they like. */
export interface LiveClient {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string, callback?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
}

export interface OutboxLimits {
  /** Above this many bytes waiting in the socket, nothing more is handed to it. */
  highWaterBytes: number;
  maxQueuedEvents: number;
  maxQueuedFindings: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { highWaterBytes: 256 * 1024, maxQueuedEvents: 500, maxQueuedFindings: 500 };

const OPEN = 1;

interface Queued {
  type: LiveMessage['type'];
  text: string;
  eventId: number | null;
}

/**
 * One client's pending messages. A client that reads slowly is sent merged updates: only the latest `metrics`
 * and `status` wait (an older one is replaced), and events and findings wait up to a cap, the oldest dropped
 * first. Nothing is handed to the socket while its buffer is above the high-water mark, so neither this queue
 * nor the socket's buffer grows without bound.
 */
export class ClientOutbox {
  private queue: Queued[] = [];
  private waitingForSnapshot = true;
  private queuedEvents = 0;
  private queuedFindings = 0;
  /** Messages dropped because the client could not keep up. */
  dropped = 0;

  constructor(
    readonly client: LiveClient,
    private readonly limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS,
  ) {}

  /** `text` is the message already serialised: one JSON.stringify serves every client. */
  push(type: LiveMessage['type'], text: string, eventId: number | null = null): void {
    if (type === 'metrics' || type === 'status') {
      const before = this.queue.length;
      this.queue = this.queue.filter((q) => q.type !== type);
      this.dropped += before - this.queue.length;
    }
    this.queue.push({ type, text, eventId });
    if (type === 'event' && ++this.queuedEvents > this.limits.maxQueuedEvents) this.dropOldest('event');
    if (type === 'finding' && ++this.queuedFindings > this.limits.maxQueuedFindings) this.dropOldest('finding');
    this.flush();
  }

  /**
   * The first message. Events committed while it was being built wait behind it; those it already holds
   * (id ≤ `newestEventId`) are not sent twice.
   */
  sendSnapshot(text: string, newestEventId: number | null): void {
    if (newestEventId !== null) {
      const before = this.queue.length;
      this.queue = this.queue.filter((q) => q.eventId === null || q.eventId > newestEventId);
      this.queuedEvents -= before - this.queue.length;
    }
    this.waitingForSnapshot = false;
    this.hand({ type: 'snapshot', text, eventId: null });
    this.flush();
  }

  /** Hands queued messages to the socket while its buffer has room; called on every push and drain. */
  flush(): void {
    if (this.waitingForSnapshot) return;
    while (this.queue.length > 0 && this.client.readyState === OPEN && this.client.bufferedAmount < this.limits.highWaterBytes) {
      const next = this.queue.shift() as Queued;
      if (next.type === 'event') this.queuedEvents--;
      if (next.type === 'finding') this.queuedFindings--;
      this.hand(next);
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  private hand(message: Queued): void {
    if (this.client.readyState !== OPEN) return;
    // The callback runs once the bytes left for the network: the moment to hand over more.
    this.client.send(message.text, (err) => {
      if (err === undefined || err === null) this.flush();
    });
  }

  private dropOldest(type: 'event' | 'finding'): void {
    const i = this.queue.findIndex((q) => q.type === type);
    if (i < 0) return;
    this.queue.splice(i, 1);
    if (type === 'event') this.queuedEvents--;
    else this.queuedFindings--;
    this.dropped++;
  }
}
