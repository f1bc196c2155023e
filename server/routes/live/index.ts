import type { FastifyPluginAsync } from 'fastify';
import { liveQuerySchema } from './schema.ts';
import type { LiveQuery } from './schema.ts';
import { parseTimeSpec } from '../../../core/time-spec.ts';
import { HttpError } from '../../plugins/api-error.ts';
import { DEFAULT_LIVE_FROM } from '../../live/live-hub.ts';

/**
 * `WS /ws[?from=-1h]`: the live feed (`LiveMessage` of core/api.ts). The token guard and the origin check run
 * on the upgrade request like on any other, so a refused client never gets a socket.
 */
export const liveRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: LiveQuery }>(
    '/ws',
    {
      websocket: true,
      schema: { querystring: liveQuerySchema },
      preHandler: async (request) => {
        const from = request.query.from;
        if (from !== undefined && parseTimeSpec(from, app.now()) === null) {
          throw new HttpError(400, 'bad-time', 'from is not a time: use ISO-8601 or a relative time (-1h)');
        }
      },
    },
    (socket, request) => {
      socket.on('close', () => app.liveHub.disconnect(socket));
      // What the page sends is not read: the feed is one-way.
      socket.on('message', () => undefined);
      app.liveHub.connect(socket, request.query.from ?? DEFAULT_LIVE_FROM).catch((err: unknown) => {
        request.log.warn({ err }, 'the live snapshot could not be built');
        socket.close(1011, 'snapshot failed');
      });
    },
  );
};
