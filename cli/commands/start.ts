import { Command } from 'commander';
import type { Logger } from 'pino';
import type { CommandFactory } from './index.ts';
import { EnvironmentError, UsageError } from '../cli-context.ts';
import { asCliError } from '../open-store.ts';
import { resolveServiceConfig, ServiceConfigError } from '../../server/service-config.ts';
import type { StartFlags } from '../../server/service-config.ts';
import { closeOnSignal, ServiceStartError, startService } from '../../server/main.ts';
import type { ServiceDeps, SignalSource } from '../../server/main.ts';
import { createLogger, wantsJsonLogs } from '../../server/logging/create-logger.ts';
import { sourceTarget } from '../../ingest/live/live-ingest-options.ts';

/** What `start` touches beyond the CLI context: replaced in tests so that no signal or exit is real. */
export interface StartDeps {
  signals: SignalSource;
  exit: (code: number) => void;
  logger?: Logger;
  startLiveIngest?: ServiceDeps['startLiveIngest'];
  buildDashboard?: ServiceDeps['buildDashboard'];
  webDist?: string;
  /** Called once the service listens (tests wait for it). */
  onListening?: (url: string) => void;
}

export function makeStartCommand(deps: StartDeps): CommandFactory {
  return (ctx) =>
    new Command('start')
      .description('the service: follows the app live and serves the dashboard, the API and /metrics (simulated traffic when no app is set)')
      .option('--app <app>', 'the Fly app to follow (default: $FLIGHT_RECORDER_APP; none: simulated traffic)')
      .option('--source <source>', 'fly | nats | file:PATH | simulate (default: $FLIGHT_RECORDER_SOURCE, else fly with an app, simulate without)')
      .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db; simulated traffic: demo.db beside it)')
      .option('--port <n>', 'port to listen on (default: $PORT or 8080)')
      .option('--host <host>', 'address to listen on (default: $FLIGHT_RECORDER_HOST or 127.0.0.1; others need FLIGHT_RECORDER_TOKEN)')
      .option('--fly-bin <path>', 'the fly executable (default: fly or flyctl on PATH)')
      .option('--retention-days <n>', 'delete entries older than this (default: $FLIGHT_RECORDER_RETENTION_DAYS or 30)')
      .action(async (flags: StartFlags) => {
        let config;
        try {
          config = resolveServiceConfig(flags, ctx.env, ctx.cwd, ctx.now());
        } catch (err) {
          if (err instanceof ServiceConfigError) throw new UsageError(err.message);
          throw err;
        }
        const logger = deps.logger ?? createLogger({ json: wantsJsonLogs(ctx.env, process.stdout.isTTY === true) });
        let service;
        try {
          service = await startService(config, {
            logger,
            env: ctx.env,
            ...(deps.startLiveIngest ? { startLiveIngest: deps.startLiveIngest } : {}),
            ...(deps.buildDashboard ? { buildDashboard: deps.buildDashboard } : {}),
            ...(deps.webDist !== undefined ? { webDist: deps.webDist } : {}),
          });
        } catch (err) {
          if (err instanceof ServiceStartError) {
            // The store refusing to mix simulated and real data is a choice of --db to fix, not a broken machine.
            if (/holds (simulated demo|real) data/.test(err.message)) throw new UsageError(err.message);
            throw new EnvironmentError(err.message);
          }
          throw asCliError(err, config.dbPath);
        }
        const what = config.demo
          ? ` — simulated staging traffic (demo database ${config.dbPath})`
          : ` — following the ${config.source.kind} source (${sourceTarget(config.source)}) into ${config.dbPath}`;
        ctx.stdout(`flight-recorder: dashboard at ${service.url}${what}\n`);
        if (config.token !== null) ctx.stdout('flight-recorder: the page asks once for FLIGHT_RECORDER_TOKEN\n');
        deps.onListening?.(service.url);
        await closeOnSignal(service, { signals: deps.signals, exit: deps.exit, log: logger });
        // Closed: the process ends by itself. Should anything still hold it open, it ends anyway.
        setTimeout(() => deps.exit(0), 1000).unref();
      });
}

export const startCommand: CommandFactory = makeStartCommand({ signals: process, exit: (code) => process.exit(code) });
