import type { FastifyPluginAsync } from 'fastify';
import { findingsQuerySchema, statusBodySchema, statusParamsSchema } from './schema.ts';
import type { FindingsQuery, StatusBody } from './schema.ts';
import { windowOfQuery } from '../time-query.ts';
import { listFindings } from '../../../core/store/queries/list-findings.ts';
import { setFindingStatus } from '../../../core/store/queries/set-finding-status.ts';
import { HttpError } from '../../plugins/api-error.ts';

export const findingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FindingsQuery }>('/api/findings', { schema: { querystring: findingsQuerySchema } }, async (request) => {
    const { from, to, cursor, ...filters } = request.query;
    return listFindings(app.store, { ...filters, ...windowOfQuery({ from, to }, app.now()), cursor: cursor ?? null });
  });

  app.post<{ Params: { id: number }; Body: StatusBody }>(
    '/api/findings/:id/status',
    { schema: { params: statusParamsSchema, body: statusBodySchema } },
    async (request) => {
      const finding = setFindingStatus(app.store, app.scanner, request.params.id, request.body, app.now());
      if (finding === null) throw new HttpError(404, 'not-found', 'there is no finding with this id');
      return finding;
    },
  );
};
