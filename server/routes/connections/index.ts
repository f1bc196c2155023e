import type { FastifyPluginAsync } from 'fastify';
import { connectionParamsSchema } from './schema.ts';
import type { ConnectionParams } from './schema.ts';
import { connectionLife } from '../../../core/store/queries/connection-life.ts';
import { HttpError } from '../../plugins/api-error.ts';

export const connectionRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: ConnectionParams }>('/api/connections/:id', { schema: { params: connectionParamsSchema } }, async (request) => {
    const life = connectionLife(app.store, request.params.id);
    if (life === null) throw new HttpError(404, 'not-found', 'the store holds nothing of this connection id');
    return life;
  });
};
