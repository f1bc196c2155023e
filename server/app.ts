import { fileURLToPath } from 'node:url';
import fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import type { LiveIngest } from '../ingest/live/live-ingest-handle.ts';
import type { StoreKind } from '../core/store/store.ts';
import type { BucketPolicy } from './security/token-bucket.ts';
import type { OutboxLimits } from './live/client-outbox.ts';
import { errorReplies, frameworkErrors } from './plugins/error-replies.ts';
import { requestLog } from './plugins/request-log.ts';
import { clockPlugin } from './plugins/clock.ts';
import { storePlugin } from './plugins/store.ts';
import { liveIngestPlugin } from './plugins/live-ingest.ts';
import { scannerPlugin } from './plugins/scanner.ts';
import { reportServicePlugin } from './plugins/report-service.ts';
import { healthPlugin } from './plugins/health-service.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { alertsPlugin } from './plugins/alerts.ts';
import { liveHubPlugin } from './plugins/live-hub.ts';
import { securityHeadersPlugin } from './security/security-headers-plugin.ts';
import { rateLimitPlugin } from './security/rate-limit-plugin.ts';
import { hostCheckPlugin } from './security/host-check-plugin.ts';
import { tokenGuardPlugin } from './security/token-guard-plugin.ts';
import { healthRoutes } from './routes/health/index.ts';
import { reportRoutes } from './routes/report/index.ts';
import { sessionRoutes } from './routes/session/index.ts';
import { eventRoutes } from './routes/events/index.ts';
import { connectionRoutes } from './routes/connections/index.ts';
import { findingRoutes } from './routes/findings/index.ts';
import { metricsRoutes } from './routes/metrics/index.ts';
import { liveRoutes } from './routes/live/index.ts';
import { dashboardRoutes } from './routes/dashboard/index.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface AppOptions {
  /** The store the live ingest writes; the app opens its own connection to read it. */
  dbPath: string;
  storeKind: StoreKind;
  /** The running ingest. The app owns it from here: `app.close()` stops it. */
  live: LiveIngest;
  /** FLIGHT_RECORDER_TOKEN, or null for a loopback-only service. */
  token: string | null;
  /** FLIGHT_RECORDER_WEBHOOK, or null. */
  webhookUrl?: string | null;
  version: string;
  demo: boolean;
  /** The environment line of the Markdown report: `Staging (my-app.fly.dev)`. */
  reportEnvironment?: string;
  /** Environment for the store's secret (FLIGHT_RECORDER_SECRET). */
  env?: NodeJS.ProcessEnv;
  /** A pino logger (main.ts makes it); silent when absent. */
  logger?: FastifyBaseLogger;
  now?: () => number;
  webDist?: string;
  /** Proxies in front whose X-Forwarded-For is believed, nearest first (rate limits then count real clients). */
  trustedProxies?: number;
  rateLimits?: { general?: BucketPolicy; session?: BucketPolicy };
  liveFeed?: { metricsIntervalMs?: number; limits?: OutboxLimits };
  alerts?: { incidentCheckMs?: number; minIntervalMs?: number };
}

/**
 * The whole service as a fastify app that never listens (main.ts listens; tests `inject()`). Shared services
 * are decorators set by small plugins that close what they opened.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = fastify({
    ...(options.logger !== undefined ? { loggerInstance: options.logger } : {}),
    // Our own one-line request log (plugins/request-log.ts) says exactly what it holds; fastify's would add the URL.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors,
    bodyLimit: 64 * 1024,
    // The nearest hops only, never `true`: trusting every hop would believe the address a client wrote itself.
    trustProxy: trustedHops(options.trustedProxies ?? 0),
    // Long enough for an ISO time or a connection id in the path; nothing of ours needs more.
    routerOptions: { maxParamLength: 200 },
    forceCloseConnections: true,
  });

  // Order matters. Error handling, the request log, the WebSocket plugin and the security hooks come first: hooks
  // and handlers apply to routes registered after them. Rate limiting runs before the host and token checks, so
  // guesses are cheap to refuse. Services come next, each after those it uses; routes last.
  void app.register(errorReplies);
  void app.register(requestLog);
  void app.register(clockPlugin, { now: options.now ?? Date.now });
  // Before the security hooks: its onRequest hook marks an upgrade request, and only a marked one has its socket
  // destroyed once answered. An upgrade refused by an earlier hook (401, 403, 429) would keep its socket open
  // for ever, and hold up app.close().
  void app.register(fastifyWebsocket, {
    // The page sends nothing that matters; a client that does not answer the closing handshake is cut after 1 s,
    // so that shutdown stays within its 5 s.
    options: { maxPayload: 4096, closeTimeout: 1000 },
    // The socket's error may carry what the client sent: only its class is logged.
    errorHandler: (err, socket, request) => {
      request.log.warn({ err }, 'live socket error');
      socket.terminate();
    },
  });
  void app.register(securityHeadersPlugin);
  void app.register(rateLimitPlugin, { ...(options.rateLimits ?? {}) });
  void app.register(hostCheckPlugin, { token: options.token });
  void app.register(tokenGuardPlugin, { token: options.token });

  void app.register(storePlugin, { path: options.dbPath, kind: options.storeKind, env: options.env ?? process.env });
  void app.register(liveIngestPlugin, { live: options.live });
  void app.register(scannerPlugin);
  void app.register(reportServicePlugin);
  void app.register(healthPlugin, { demo: options.demo, version: options.version });
  void app.register(metricsPlugin);
  void app.register(alertsPlugin, { webhookUrl: options.webhookUrl ?? null, ...(options.alerts ?? {}) });
  void app.register(liveHubPlugin, { ...(options.liveFeed ?? {}) });

  void app.register(healthRoutes);
  void app.register(sessionRoutes, { token: options.token });
  void app.register(reportRoutes, { environment: options.reportEnvironment ?? 'Staging' });
  void app.register(eventRoutes);
  void app.register(connectionRoutes);
  void app.register(findingRoutes);
  void app.register(metricsRoutes);
  void app.register(liveRoutes);
  void app.register(dashboardRoutes, { distPath: options.webDist ?? DEFAULT_WEB_DIST });
  return app;
}

/** Fastify's `trustProxy` for the nearest `hops` proxies; none at all when 0, so no header is ever read. */
function trustedHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
