import { LiveHub } from '../live/live-hub.ts';
import type { OutboxLimits } from '../live/client-outbox.ts';
import { listEvents } from '../../core/store/queries/list-events.ts';
import { parseTimeSpec } from '../../core/time-spec.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    liveHub: LiveHub;
  }
}

export interface LiveHubOptions {
  [key: string]: unknown;
  metricsIntervalMs?: number;
  limits?: OutboxLimits;
}

/** Events in the snapshot: a screenful of the live feed. */
const SNAPSHOT_EVENTS = 100;

/** Needs `store`, `live`, `reports`, `health` and `ingestMetrics` registered before it. */
export const liveHubPlugin = sharedPlugin<LiveHubOptions>('live-hub', async (app, options) => {
  const hub = new LiveHub({
    report: (from) => {
      const now = app.now();
      return app.reports.build({ fromMs: parseTimeSpec(from, now) ?? now - 3_600_000, toMs: now });
    },
    latestEvents: () => listEvents(app.store, { limit: SNAPSHOT_EVENTS }).items,
    health: () => app.health.current(),
    now: app.now,
    log: app.log,
    onClientCount: (n) => app.ingestMetrics.setLiveClients(n),
    ...(options.metricsIntervalMs !== undefined ? { metricsIntervalMs: options.metricsIntervalMs } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  });
  const offCommitted = app.live.onCommitted((batch) => hub.committed(batch));
  const offStatus = app.live.onStatus(() => hub.statusChanged());
  app.decorate('liveHub', hub);
  app.addHook('onClose', async () => {
    offCommitted();
    offStatus();
    hub.close();
  });
});
