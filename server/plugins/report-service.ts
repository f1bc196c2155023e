import type { Report } from '../../core/report.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';
import type { ReportRequest } from '../../core/store/queries/build-report.ts';
import { sharedPlugin } from './shared-plugin.ts';

/**
 * Reports for the API, the WebSocket and the alerts. Asynchronous on purpose: today the query runs on this
 * thread; a reader thread can take it over without any caller changing.
 */
export interface ReportService {
  build(request: ReportRequest): Promise<Report>;
}

declare module 'fastify' {
  interface FastifyInstance {
    reports: ReportService;
  }
}

export const reportServicePlugin = sharedPlugin('report-service', async (app) => {
  const reports: ReportService = {
    build: async (request) => buildReport(app.store, request),
  };
  app.decorate('reports', reports);
});
