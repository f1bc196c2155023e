import type { FastifyPluginAsync } from 'fastify';

export const HEALTH_PATH = '/healthz';

/** Public: Fly's health check and load balancers call it without credentials. It tells states, never data. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(HEALTH_PATH, { config: { public: true } }, async (_request, reply) => {
    const health = app.health.current();
    return reply.code(health.status === 'ok' ? 200 : 503).send(health);
  });
};
