import { IngestMetrics } from '../metrics/ingest-metrics.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** One registry per app: two apps in one process (tests) never share counters. */
    ingestMetrics: IngestMetrics;
  }
}

/** Needs `live` and `health` registered before it: it subscribes to the one and reads the other. */
export const metricsPlugin = sharedPlugin('metrics', async (app) => {
  const metrics = new IngestMetrics(() => app.health.current());
  const unsubscribe = app.live.onCommitted((batch) => metrics.record(batch));
  app.decorate('ingestMetrics', metrics);
  app.addHook('onClose', async () => {
    unsubscribe();
    metrics.registry.clear();
  });
});
