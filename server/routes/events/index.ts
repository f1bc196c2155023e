import type { FastifyPluginAsync } from 'fastify';
import { eventsQuerySchema } from './schema.ts';
import type { EventsQuery } from './schema.ts';
import { windowOfQuery } from '../time-query.ts';
import { listEvents } from '../../../core/store/queries/list-events.ts';

export const eventRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: EventsQuery }>('/api/events', { schema: { querystring: eventsQuerySchema } }, async (request) => {
    const { from, to, cursor, ...filters } = request.query;
    return listEvents(app.store, { ...filters, ...windowOfQuery({ from, to }, app.now()), cursor: cursor ?? null });
  });
};
