import type { FastifyPluginAsync } from 'fastify';
import { publicHealth } from '../../../core/api.ts';

export const HEALTH_PATH = '/healthz';

/**
 * Public: Fly's health check and load balancers call it without credentials. With a token, such callers get
 * states and times only; what is read (the app's name) and where it is stored (the database's path) are for
 * callers with the token, as the page is.
 */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(HEALTH_PATH, { config: { public: true } }, async (request, reply) => {
    const health = app.health.current();
    return reply.code(health.status === 'ok' ? 200 : 503).send(app.requestAuthorised(request) ? health : publicHealth(health));
  });
};
