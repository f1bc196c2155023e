import { Command, Option } from 'commander';
import type { CommandFactory } from './index.ts';
import { dbPathFrom, openStoreForCli } from '../open-store.ts';
import { windowFrom } from '../time-options.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';

interface ReportOptions {
  db?: string;
  from?: string;
  to?: string;
  format: 'json';
  check?: boolean;
  strict?: boolean;
  includeTestTraffic?: boolean;
}

export const reportCommand: CommandFactory = (ctx, setExitCode) =>
  new Command('report')
    .description('the metrics, targets and incidents of a window; --check exits 1 when a target fails')
    .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db)')
    .option('--from <time>', 'window start: ISO-8601 or relative (-1h); default: the first entry')
    .option('--to <time>', 'window end (exclusive): ISO-8601 or relative; default: the last entry')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .option('--check', 'exit 1 when a target fails')
    .option('--strict', 'with --check, a target that cannot be judged fails too')
    .option('--include-test-traffic', "count the test plan's own 429s against the rate-limit target")
    .action((opts: ReportOptions) => {
      const window = windowFrom(opts.from, opts.to, ctx);
      const store = openStoreForCli(dbPathFrom(opts.db, ctx), ctx, { mustExist: true });
      try {
        const report = buildReport(store, { ...window, includeTestTraffic: opts.includeTestTraffic ?? false });
        ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
        if (opts.check) {
          const failed = report.targets.some((t) => t.pass === false || (opts.strict === true && t.pass === null));
          if (failed) setExitCode(1);
        }
      } finally {
        store.close();
      }
    });
