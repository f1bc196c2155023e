import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { reportQuerySchema } from './schema.ts';
import type { ReportQuery } from './schema.ts';
import { windowOfQuery } from '../time-query.ts';
import type { Report } from '../../../core/report.ts';
import { exportMarkdown } from '../../../core/metrics/export-markdown.ts';
import { exportCsv } from '../../../core/metrics/export-csv.ts';

export interface ReportRouteOptions {
  /** The environment line of the Markdown report (`Staging (my-app.fly.dev)`). */
  environment: string;
}

/**
 * The same JSON as `report --format json`, with the same defaults (no bounds: the whole store), and the same
 * Markdown and CSV as `--format md|csv`, as downloads.
 */
export const reportRoutes: FastifyPluginAsync<ReportRouteOptions> = async (app, options) => {
  const schema = { querystring: reportQuerySchema };
  const build = (request: FastifyRequest<{ Querystring: ReportQuery }>): Promise<Report> => {
    const window = windowOfQuery(request.query, app.now());
    const bucket = request.query.bucket === undefined || request.query.bucket === 'auto' ? null : request.query.bucket;
    return app.reports.build({ ...window, bucket, includeTestTraffic: request.query.includeTestTraffic ?? false });
  };
  const fileName = (ext: string): string => `flight-recorder-report-${new Date(app.now()).toISOString().slice(0, 16).replace(/:/g, '')}Z.${ext}`;

  app.get<{ Querystring: ReportQuery }>('/api/report', { schema }, build);

  app.get<{ Querystring: ReportQuery }>('/api/report.md', { schema }, async (request, reply) => {
    const markdown = exportMarkdown(await build(request), { generatedAt: new Date(app.now()).toISOString(), environment: options.environment });
    return reply
      .type('text/markdown; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName('md')}"`)
      .send(markdown);
  });

  app.get<{ Querystring: ReportQuery }>('/api/report.csv', { schema }, async (request, reply) => {
    const csv = exportCsv(await build(request), request.query.bucket === 'none' ? 'summary' : 'series');
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName('csv')}"`)
      .send(csv);
  });
};
