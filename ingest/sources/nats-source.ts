import { connect, Events } from 'nats';
import type { NatsConnection } from 'nats';
import type { SourceStatus } from '../../core/api.ts';
import { Backoff } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { formatSeconds } from './format-seconds.ts';
import { SourceStatusKeeper } from './source-status.ts';
import type { LiveSource, SourcePosition, SourceSink } from './source.ts';
import type { SourceLog } from './source-log.ts';

export interface NatsSourceOptions {
  app: string;
  /** `[fdaa::3]:4223` on Fly's private network. */
  url: string;
  /** The org slug. */
  user: string;
  /** A read-only token. */
  password: string;
  backoff?: BackoffOptions;
  /** A connection down for longer than this is recorded as a gap: the stream keeps no history. */
  minGapMs?: number;
  /** How often the client pings the server: a connection that stops answering is replaced. */
  pingIntervalMs?: number;
  now?: () => number;
  log?: SourceLog;
}

export const DEFAULT_NATS_URL = '[fdaa::3]:4223';
export const DEFAULT_MIN_GAP_MS = 5000;
const NEWLINE = Buffer.from('\n');

/**
 * Reads Fly's NATS log stream (`logs.<app>.>`): each message is one compact JSON entry, handed on as one line.
 * The client reconnects forever with backoff; since the stream keeps no history, a connection that was down
 * longer than a few seconds is recorded as a gap.
 */
export class NatsSource implements LiveSource {
  readonly kind = 'nats';
  readonly target: string;
  readonly replay = 'none' as const;
  private readonly keeper: SourceStatusKeeper;
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private connection: NatsConnection | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private sink: SourceSink | null = null;

  constructor(private readonly options: NatsSourceOptions) {
    this.target = options.app;
    this.keeper = new SourceStatusKeeper('nats', options.app);
    this.backoff = new Backoff(options.backoff);
    this.now = options.now ?? Date.now;
  }

  start(sink: SourceSink, _resumeFrom: SourcePosition | null): void {
    this.sink = sink;
    this.keeper.listen((s) => sink.status(s));
    void this.connectOnce();
  }

  status(): SourceStatus {
    return this.keeper.get();
  }

  /** The stream cannot be held back: while the store is failing the pipeline keeps (a bounded amount of) it. */
  pause(): void {}

  resume(): void {}

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const nc = this.connection;
    this.connection = null;
    if (nc !== null) await nc.close().catch(() => undefined);
    this.keeper.set('stopped', null);
  }

  private async connectOnce(): Promise<void> {
    if (this.stopping || this.sink === null) return;
    const sink = this.sink;
    if (this.keeper.get().restarts === 0) this.keeper.set('starting', `connecting to ${this.options.url}`);
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: this.options.url,
        user: this.options.user,
        pass: this.options.password,
        name: 'flight-recorder',
        reconnect: true,
        maxReconnectAttempts: -1,
        reconnectDelayHandler: () => this.backoff.next(),
        pingInterval: this.options.pingIntervalMs ?? 20_000,
        maxPingOut: 3,
        ignoreClusterUpdates: true,
      });
    } catch (err) {
      this.retry(connectFailure(err, this.options.url));
      return;
    }
    if (this.stopping) {
      await nc.close().catch(() => undefined);
      return;
    }
    this.connection = nc;
    this.backoff.reset();
    nc.subscribe(`logs.${this.options.app}.>`, {
      callback: (err, msg) => {
        if (err !== null) {
          this.options.log?.('warn', 'the NATS subscription failed', { code: err.code });
          return;
        }
        sink.data(Buffer.concat([msg.data, NEWLINE]), () => null);
      },
    });
    const before = this.keeper.get();
    this.keeper.set('running', before.restarts > 0 && before.reason !== null ? `connected after failing: ${before.reason}` : null);
    this.options.log?.('info', 'connected to NATS', { app: this.options.app });
    void this.watchStatus(nc, sink);
    void nc.closed().then(() => {
      if (this.connection !== nc || this.stopping) return;
      this.connection = null;
      this.retry('the NATS connection was closed');
    });
  }

  private async watchStatus(nc: NatsConnection, sink: SourceSink): Promise<void> {
    let downSince: number | null = null;
    for await (const s of nc.status()) {
      if (this.stopping) return;
      if (s.type === Events.Disconnect) {
        downSince = this.now();
        this.keeper.set('down', 'lost the connection to NATS; reconnecting');
        this.options.log?.('warn', 'lost the connection to NATS', {});
      } else if (s.type === Events.Reconnect) {
        const now = this.now();
        this.backoff.reset();
        this.keeper.restarted(now);
        const downFor = downSince === null ? 0 : now - downSince;
        this.keeper.set('running', `reconnected to NATS after ${formatSeconds(downFor)}`);
        this.options.log?.('info', 'reconnected to NATS', { downMs: downFor });
        if (downSince !== null && downFor > (this.options.minGapMs ?? DEFAULT_MIN_GAP_MS)) {
          sink.gap({ fromMs: downSince, toMs: now, reason: `the NATS connection was down for ${formatSeconds(downFor)}; the stream keeps no history` });
        }
        downSince = null;
      } else if (s.type === Events.Error) {
        this.options.log?.('warn', 'the NATS server reported an error', { code: typeof s.data === 'string' ? s.data.slice(0, 64) : null });
      }
    }
  }

  private retry(reason: string): void {
    if (this.stopping) return;
    const delay = this.backoff.next();
    this.keeper.set('down', reason);
    this.options.log?.('warn', 'cannot connect to NATS', { reason, delayMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.keeper.restarted(this.now());
      void this.connectOnce();
    }, delay);
  }
}

function connectFailure(err: unknown, url: string): string {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'AUTHORIZATION_VIOLATION':
    case 'AUTHENTICATION_EXPIRED':
    case 'BAD_AUTHENTICATION':
      return 'NATS refused the credentials: check the NATS user (the org slug) and password (a read-only token)';
    case 'CONNECTION_REFUSED':
      return `cannot reach NATS at ${url} (connection refused)`;
    case 'CONNECTION_TIMEOUT':
      return `cannot reach NATS at ${url} (timed out)`;
    default:
      return `cannot connect to NATS at ${url} (${typeof code === 'string' ? code : 'error'})`;
  }
}
