import { Command, Option } from 'commander';
import type { CommandFactory } from './index.ts';
import { UsageError } from '../cli-context.ts';
import { dbPathFrom, openStoreForCli, asCliError } from '../open-store.ts';
import { windowFrom } from '../time-options.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';
import { TooManyBucketsError } from '../../core/metrics/buckets.ts';
import type { BucketChoice } from '../../core/metrics/buckets.ts';
import { exportMarkdown } from '../../core/metrics/export-markdown.ts';
import { exportCsv } from '../../core/metrics/export-csv.ts';
import type { Report } from '../../core/report.ts';

interface ReportOptions {
  db?: string;
  from?: string;
  to?: string;
  format: 'json' | 'md' | 'csv';
  bucket?: '1m' | '5m' | '1h' | 'none';
  check?: boolean;
  strict?: boolean;
  includeTestTraffic?: boolean;
  environment?: string;
}

export const reportCommand: CommandFactory = (ctx, setExitCode) =>
  new Command('report')
    .description('the metrics, targets and incidents of a window; --check exits 1 when a target fails')
    .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db)')
    .option('--from <time>', 'window start: ISO-8601 or relative (-1h); default: the first entry')
    .option('--to <time>', 'window end (exclusive): ISO-8601 or relative; default: the last entry')
    .addOption(new Option('--format <format>', 'json, the staging test report as Markdown (md), or csv').choices(['json', 'md', 'csv']).default('json'))
    .addOption(
      new Option('--bucket <size>', 'series bucket; default: 1m up to 6 h, 5m up to 24 h, 1h beyond; none: no series (csv: a summary)')
        .choices(['1m', '5m', '1h', 'none']),
    )
    .option('--check', 'exit 1 when a target fails')
    .option('--strict', 'with --check, a target that cannot be judged fails too')
    .option('--include-test-traffic', "count the test plan's own 429s against the rate-limit target and in incidents")
    .option('--environment <text>', 'the environment line of the Markdown report (default: Staging, with $FLIGHT_RECORDER_APP)')
    .action((opts: ReportOptions) => {
      const window = windowFrom(opts.from, opts.to, ctx);
      const path = dbPathFrom(opts.db, ctx);
      const store = openStoreForCli(path, ctx, { mustExist: true });
      let report: Report;
      try {
        const bucket: BucketChoice = opts.bucket ?? null;
        report = buildReport(store, { ...window, includeTestTraffic: opts.includeTestTraffic ?? false, bucket });
      } catch (err) {
        if (err instanceof TooManyBucketsError) throw new UsageError(err.message);
        throw asCliError(err, path);
      } finally {
        store.close();
      }
      ctx.stdout(render(report, opts, ctx.env, ctx.now()));
      if (opts.check) {
        const failed = report.targets.some((t) => t.pass === false || (opts.strict === true && t.pass === null));
        if (failed) setExitCode(1);
      }
    });

function render(report: Report, opts: ReportOptions, env: NodeJS.ProcessEnv, nowMs: number): string {
  switch (opts.format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return exportCsv(report, opts.bucket === 'none' ? 'summary' : 'series');
    case 'md': {
      const app = env['FLIGHT_RECORDER_APP'];
      const environment = opts.environment ?? (app !== undefined && app !== '' ? `Staging (${app}.fly.dev)` : 'Staging');
      return exportMarkdown(report, { generatedAt: new Date(nowMs).toISOString(), environment });
    }
  }
}
