/**
 * Buffers live messages and applies them at most once a second, so charts redraw at a steady pace however
 * fast events arrive. A snapshot is applied at once: it is the first paint after (re)connecting.
 */
import type { LiveMessage } from '../../../core/api.ts';
import { createStore, type Store } from '../state/store.ts';
import { applyMessages, EMPTY_LIVE_DATA, type LiveData } from './live-state.ts';
import type { Scheduler } from './scheduler.ts';

export const LIVE_UPDATE_INTERVAL_MS = 1000;

export interface LiveFeed {
  data: Store<LiveData>;
  receive(message: LiveMessage): void;
  dispose(): void;
}

export function createLiveFeed(scheduler: Scheduler, intervalMs: number = LIVE_UPDATE_INTERVAL_MS): LiveFeed {
  const data = createStore<LiveData>(EMPTY_LIVE_DATA);
  let pending: LiveMessage[] = [];
  let timer: number | null = null;
  let lastFlush = Number.NEGATIVE_INFINITY;

  function flush(): void {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    lastFlush = scheduler.now();
    data.set((state) => applyMessages(state, batch, lastFlush));
  }

  return {
    data,
    receive(message) {
      pending.push(message);
      if (message.type === 'snapshot') {
        flush();
        return;
      }
      if (timer !== null) return;
      const wait = Math.max(0, lastFlush + intervalMs - scheduler.now());
      timer = scheduler.setTimeout(flush, wait);
    },
    dispose() {
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
