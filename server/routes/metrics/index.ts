import type { FastifyPluginAsync } from 'fastify';

/** Prometheus text of this app's registry: counters and histograms by instance and kind, never by user key. */
export const metricsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/metrics', async (_request, reply) => {
    const text = await app.ingestMetrics.registry.metrics();
    return reply.type(app.ingestMetrics.registry.contentType).send(text);
  });
};
