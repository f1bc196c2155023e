import type { FastifyInstance } from 'fastify';
import type { LiveMessage } from '../../core/api.ts';

/** The client end of an injected socket (`ws`' WebSocket; its types are not installed). */
export type InjectedSocket = Awaited<ReturnType<FastifyInstance['injectWS']>>;

export interface LiveTestClient {
  ws: InjectedSocket;
  /** The next message not yet taken, waiting for it when needed. */
  next(timeoutMs?: number): Promise<LiveMessage>;
  received: LiveMessage[];
  /** Closes with the handshake, as a browser does, and waits until both ends are closed. */
  close(): Promise<void>;
}

/** Opens `/ws` through injectWS, listening before the socket opens so that the snapshot is never missed. */
export async function openLive(app: FastifyInstance, path = '/ws', headers: Record<string, string> = { host: 'localhost:8080' }): Promise<LiveTestClient> {
  const received: LiveMessage[] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  const ws = await app.injectWS(path, { headers }, {
    onInit(socket) {
      socket.on('message', (data: unknown) => {
        received.push(JSON.parse(String(data)) as LiveMessage);
        wake?.();
      });
    },
  });
  return {
    ws,
    received,
    close: () => closeInjected(ws),
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no live message within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 20);
        });
      }
      return received[taken++] as LiveMessage;
    },
  };
}

export function closeInjected(ws: InjectedSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === 3) return resolve();
    ws.once('close', () => resolve());
    ws.close(1000);
  });
}
