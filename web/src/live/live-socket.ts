/**
 * The `/ws` connection: reconnects by itself with backoff, and says what it is doing so the page can show it.
 * The retry count resets only once a message arrives, so a server that accepts and at once drops the
 * connection is retried with growing waits, not in a tight loop.
 */
import type { LiveMessage } from '../../../core/api.ts';
import { backoffDelay, LIVE_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { parseLiveMessage } from './live-message.ts';
import type { Scheduler } from './scheduler.ts';

export type LivePhase = 'connecting' | 'live' | 'waiting' | 'paused' | 'stopped';

export interface LiveConnection {
  phase: LivePhase;
  /** Consecutive tries without a message. */
  attempt: number;
  /** When the next try starts (scheduler clock), while waiting. */
  retryAt: number | null;
}

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => { close(): void };

export interface LiveSocketOptions {
  url: () => string;
  createSocket: SocketFactory;
  scheduler: Scheduler;
  onMessage(message: LiveMessage): void;
  onConnection(connection: LiveConnection): void;
  /** The socket closed before it opened: browsers hide the status, so this may be a 401 the page should probe for. */
  onHandshakeFailure?(): void;
  policy?: BackoffPolicy;
  random?: () => number;
}

export interface LiveSocket {
  start(): void;
  /** Reconnect now with a fresh retry count (after signing in, or when the window changes). */
  restart(): void;
  /** Stop trying until restarted (while a token is needed). */
  pause(): void;
  stop(): void;
}

export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const { scheduler } = options;
  let generation = 0;
  let socket: { close(): void } | null = null;
  let timer: number | null = null;
  let attempt = 0;
  let phase: LivePhase = 'stopped';

  function report(next: LivePhase, retryAt: number | null = null): void {
    phase = next;
    options.onConnection({ phase, attempt, retryAt });
  }

  function cancel(): void {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
    generation += 1;
    const current = socket;
    socket = null;
    current?.close();
  }

  function connect(): void {
    cancel();
    const mine = generation;
    let opened = false;
    report('connecting');
    socket = options.createSocket(options.url(), {
      open() {
        if (mine !== generation) return;
        opened = true;
        report('live');
      },
      message(data) {
        if (mine !== generation) return;
        const message = parseLiveMessage(data);
        if (message === null) return;
        attempt = 0;
        options.onMessage(message);
      },
      close() {
        if (mine !== generation) return;
        socket = null;
        if (!opened && attempt === 0) options.onHandshakeFailure?.();
        if (phase === 'paused' || phase === 'stopped') return;
        const wait = backoffDelay(attempt, options.policy ?? LIVE_BACKOFF, options.random ?? Math.random);
        attempt += 1;
        timer = scheduler.setTimeout(connect, wait);
        report('waiting', scheduler.now() + wait);
      },
    });
  }

  return {
    start() {
      if (phase === 'stopped' || phase === 'paused') connect();
    },
    restart() {
      attempt = 0;
      connect();
    },
    pause() {
      cancel();
      report('paused');
    },
    stop() {
      cancel();
      report('stopped');
    },
  };
}

/** The browser's WebSocket behind the factory interface. */
export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent) => handlers.message(event.data);
  socket.onclose = () => handlers.close();
  // An error is always followed by a close, which is where the retry is scheduled.
  socket.onerror = () => {};
  return { close: () => socket.close() };
};
