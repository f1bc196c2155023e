/**
 * Everything the page shares, built once in main.tsx and handed down by context: the API client, the token
 * state, the address, and the live socket with its feed. The wiring between them lives here: a 401 pauses the
 * socket, signing in reconnects it, and a change of relative window reconnects it for that window.
 */
import { createAuth, type Auth } from '../api/auth.ts';
import { createApiClient, type ApiClient } from '../api/client.ts';
import { liveSocketUrl } from '../api/query.ts';
import { createLiveFeed, type LiveFeed } from '../live/live-feed.ts';
import { browserSocketFactory, createLiveSocket, type LiveConnection, type LiveSocket } from '../live/live-socket.ts';
import { browserScheduler } from '../live/scheduler.ts';
import { createStore, type Store } from '../state/store.ts';
import { relativeFrom } from '../state/time-range.ts';
import { createUrlStore, type UrlStore } from '../state/url-store.ts';

export interface Services {
  api: ApiClient;
  auth: Auth;
  url: UrlStore;
  feed: LiveFeed;
  connection: Store<LiveConnection>;
  socket: LiveSocket;
  /** Starts the socket and the wiring; returns the stop. */
  start(): () => void;
}

export function createServices(win: Window): Services {
  const auth = createAuth();
  const api = createApiClient((input, init) => win.fetch(input, init), auth.unauthorized);
  const url = createUrlStore(win);
  const feed = createLiveFeed(browserScheduler);
  const connection = createStore<LiveConnection>({ phase: 'stopped', attempt: 0, retryAt: null });
  const socket = createLiveSocket({
    url: () => liveSocketUrl(win.location, relativeFrom(url.store.get().range)),
    createSocket: browserSocketFactory,
    scheduler: browserScheduler,
    onMessage: feed.receive,
    onConnection: connection.set,
    // Browsers hide why a WebSocket upgrade failed: an ordinary call tells a 401 (and opens the prompt).
    onHandshakeFailure: () => {
      api.get('/api/events?limit=1').catch(() => {});
    },
  });

  function start(): () => void {
    let required = auth.store.get().required;
    let epoch = auth.store.get().epoch;
    let from = relativeFrom(url.store.get().range);
    const stopAuth = auth.store.subscribe(() => {
      const state = auth.store.get();
      if (state.required && !required) socket.pause();
      if (state.epoch !== epoch) socket.restart();
      required = state.required;
      epoch = state.epoch;
    });
    const stopUrl = url.store.subscribe(() => {
      const next = relativeFrom(url.store.get().range);
      if (next === from) return;
      from = next;
      if (!auth.store.get().required) socket.restart();
    });
    if (!required) socket.start();
    return () => {
      stopAuth();
      stopUrl();
      socket.stop();
      feed.dispose();
    };
  }

  return { api, auth, url, feed, connection, socket, start };
}
