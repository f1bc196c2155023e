import { Command, Option } from 'commander';
import type { CommandFactory } from './index.ts';
import { dbPathFrom, openStoreForCli, asCliError } from '../open-store.ts';
import { openInput, FORMATS } from '../open-input.ts';
import { ingestInput } from '../../ingest/ingest-input.ts';
import { withBackgroundCheckpoints } from '../../ingest/background-checkpoints.ts';
import { BatchIngester } from '../../core/store/batch-ingester.ts';
import { testKeyMatcher, testKeyPatternsFrom } from '../../core/test-traffic.ts';
import type { FormatChoice } from '../../ingest/read-entries.ts';

interface IngestOptions {
  db?: string;
  format: FormatChoice;
  instance?: string;
}

export const ingestCommand: CommandFactory = (ctx) =>
  new Command('ingest')
    .description('read a saved log (or stdin) to its end, store it, print a summary; the last line is JSON')
    .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db)')
    .addOption(new Option('--format <format>', 'input format').choices(FORMATS).default('auto'))
    .option('--instance <id>', 'for app log files, which carry no Fly prefix: the instance the file stands for')
    .argument('[file]', 'log file, or - for stdin', '-')
    .action(async (file: string, opts: IngestOptions) => {
      const input = openInput(file, ctx);
      const path = dbPathFrom(opts.db, ctx);
      const store = openStoreForCli(path, ctx);
      try {
        const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher(testKeyPatternsFrom(ctx.env)) });
        const summary = await withBackgroundCheckpoints(store, () =>
          ingestInput(input.stream, {
            format: opts.format,
            secret: store.secret,
            ingester,
            ...(opts.instance !== undefined ? { instance: opts.instance } : {}),
            now: ctx.now,
          }),
        ).catch((err: unknown) => {
          throw asCliError(err, path);
        });
        ctx.stdout(
          `${input.name}: ${summary.entries} new entries from ${summary.lines} lines (${summary.duplicates} duplicates, ` +
            `${summary.unparsed} unparsed), ${summary.events} events, ${summary.findings} findings → ${path}\n`,
        );
        ctx.stdout(`${JSON.stringify(summary)}\n`);
      } finally {
        store.close();
      }
    });
