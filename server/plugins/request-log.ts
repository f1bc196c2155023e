import { sharedPlugin } from './shared-plugin.ts';

/**
 * One line per answered request, written here instead of fastify's own request logging so that it is certain
 * what it holds: the method, the matched route pattern (`/api/connections/:id`, not the id), the status and
 * the time taken. Never the query string, a header or a body.
 */
export const requestLog = sharedPlugin('request-log', async (app) => {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? '(no route)', statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
});
