import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp, DEFAULT_WEB_DIST } from './app.ts';
import type { ServiceConfig } from './service-config.ts';
import { serviceUrl } from './service-config.ts';
import { ensureDashboardBuilt } from './dashboard-build.ts';
import type { DashboardBuildOptions } from './dashboard-build.ts';
import { SHUTDOWN_GRACE_MS } from './service-defaults.ts';
import { startLiveIngest } from '../ingest/live/start-live-ingest.ts';
import type { LiveIngestHandle, StartLiveIngestOptions } from '../ingest/live/start-live-ingest.ts';

export interface ServiceDeps {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  startLiveIngest?: (options: StartLiveIngestOptions) => LiveIngestHandle;
  /** Builds web/dist when needed; tests replace it. */
  buildDashboard?: DashboardBuildOptions['build'];
  webDist?: string;
}

export interface RunningService {
  url: string;
  app: FastifyInstance;
  /** Stops the source, flushes and closes the store, closes the server. */
  close(): Promise<void>;
}

/** The service could not start; the message says why and what to do. */
export class ServiceStartError extends Error {}

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Starts what `flight-recorder start` runs: the dashboard build when needed, the live ingest (its own thread),
 * then the app, listening. The ingest starts first: it creates and migrates the database before the app reads it.
 */
export async function startService(config: ServiceConfig, deps: ServiceDeps): Promise<RunningService> {
  const { logger } = deps;
  // Whatever NODE_OPTIONS asked for: no diagnostic report on a crash or signal, it would hold log text.
  process.report.reportOnFatalError = false;
  process.report.reportOnSignal = false;
  process.report.reportOnUncaughtException = false;
  const webDist = deps.webDist ?? DEFAULT_WEB_DIST;
  await ensureDashboardBuilt({ webRoot: dirname(webDist), log: logger, ...(deps.buildDashboard ? { build: deps.buildDashboard } : {}) });

  const live = (deps.startLiveIngest ?? startLiveIngest)({
    dbPath: config.dbPath,
    source: config.source,
    retentionDays: config.retentionDays,
    env: deps.env,
    log: (level, message, fields) => logger[level](fields ?? {}, message),
  });
  try {
    await live.started;
  } catch (err) {
    await live.stop();
    throw new ServiceStartError(err instanceof Error ? err.message : 'the live ingest could not start');
  }

  const app = buildApp({
    dbPath: config.dbPath,
    storeKind: config.storeKind,
    live,
    token: config.token,
    webhookUrl: config.webhookUrl,
    version: VERSION,
    demo: config.demo,
    reportEnvironment: reportEnvironment(config),
    env: deps.env,
    logger,
    webDist,
    trustedProxies: config.trustedProxies,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close();
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new ServiceStartError(`port ${config.port} is in use on ${config.host}: stop what holds it, or choose --port`);
    if (code === 'EADDRNOTAVAIL') throw new ServiceStartError(`${config.host} is not an address of this machine: choose --host`);
    if (code === 'EACCES') throw new ServiceStartError(`no permission to listen on port ${config.port}: choose a port above 1023`);
    throw err;
  }
  const port = (app.server.address() as AddressInfo).port;
  return { url: serviceUrl(config.host, port), app, close: () => app.close() };
}

/** As `report --format md` says it: the watched app's address, or that the traffic is simulated. */
function reportEnvironment(config: ServiceConfig): string {
  if (config.source.kind === 'fly' || config.source.kind === 'nats') return `Staging (${config.source.app}.fly.dev)`;
  return config.demo ? 'Staging (simulated traffic)' : 'Staging';
}

export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT', handler: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', handler: () => void): unknown;
}

/**
 * Waits for SIGTERM or SIGINT, then closes the service. Exits by force when closing takes longer than 5 s, or at
 * a second signal; resolves once closed.
 */
export function closeOnSignal(
  service: RunningService,
  options: { signals: SignalSource; exit: (code: number) => void; log: Pick<Logger, 'info' | 'warn'>; graceMs?: number },
): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const handlers = (['SIGTERM', 'SIGINT'] as const).map((signal) => ({ signal, handler: () => onSignal(signal) }));
    const onSignal = (signal: string): void => {
      if (closing) {
        options.exit(1);
        return;
      }
      closing = true;
      options.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        options.log.warn({}, 'shutdown took too long: exiting');
        options.exit(1);
      }, options.graceMs ?? SHUTDOWN_GRACE_MS);
      force.unref();
      service.close().then(
        () => {
          clearTimeout(force);
          for (const h of handlers) options.signals.off(h.signal, h.handler);
          options.log.info({}, 'stopped');
          resolve();
        },
        (err: unknown) => {
          options.log.warn({ err }, 'shutdown failed');
          options.exit(1);
        },
      );
    };
    for (const h of handlers) options.signals.on(h.signal, h.handler);
  });
}
