import type { Report } from '../../core/report.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';
import type { ReportRequest } from '../../core/store/queries/build-report.ts';
import { ReportReader } from '../reports/report-reader.ts';
import { sharedPlugin } from './shared-plugin.ts';

/** Reports for the API, the WebSocket and the alerts, built off the main thread (see ReportReader). */
export interface ReportService {
  build(request: ReportRequest): Promise<Report>;
}

declare module 'fastify' {
  interface FastifyInstance {
    reports: ReportService;
  }
}

export const reportServicePlugin = sharedPlugin('report-service', async (app) => {
  const here = (request: ReportRequest): Report => buildReport(app.store, request);
  // A store in memory exists on this connection only: no other thread can read it.
  if (app.store.path === ':memory:') {
    app.decorate('reports', { build: async (request: ReportRequest) => here(request) } satisfies ReportService);
    return;
  }
  const reader = new ReportReader(app.store.path, here, (reason) =>
    app.log.error({ reason }, 'the report thread stopped; reports are built on the main thread from now on'),
  );
  app.decorate('reports', { build: (request: ReportRequest) => reader.build(request) } satisfies ReportService);
  app.addHook('onClose', async () => reader.close());
});
