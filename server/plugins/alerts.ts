import { WebhookAlerter } from '../alerts/webhook-alerter.ts';
import { fingerprintSeenBefore } from '../../core/store/queries/fingerprint-seen-before.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** null when FLIGHT_RECORDER_WEBHOOK is not set. */
    alerts: WebhookAlerter | null;
  }
}

export interface AlertsOptions {
  [key: string]: unknown;
  webhookUrl: string | null;
  /** How often the incidents of the last hour are looked at, when something was committed. */
  incidentCheckMs?: number;
  minIntervalMs?: number;
}

const HOUR_MS = 3_600_000;

/** Needs `store`, `live`, `reports` and `now` registered before it. */
export const alertsPlugin = sharedPlugin<AlertsOptions>('alerts', async (app, options) => {
  if (options.webhookUrl === null) {
    app.decorate('alerts', null);
    return;
  }
  const alerter = new WebhookAlerter({
    url: options.webhookUrl,
    now: app.now,
    log: app.log,
    seenBefore: (f) => fingerprintSeenBefore(app.store, f.fingerprint, f.id),
    ...(options.minIntervalMs !== undefined ? { minIntervalMs: options.minIntervalMs } : {}),
  });
  app.decorate('alerts', alerter);
  let dirty = true;
  const unsubscribe = app.live.onCommitted((batch) => {
    dirty = true;
    alerter.findingsCommitted(batch.findings);
  });
  const check = async (): Promise<void> => {
    if (!dirty) return;
    dirty = false;
    const now = app.now();
    const report = await app.reports.build({ fromMs: now - HOUR_MS, toMs: now });
    alerter.incidentsSeen(report.incidents);
  };
  const timer = setInterval(() => {
    check().catch((err: unknown) => app.log.warn({ err }, 'the incident check failed'));
  }, options.incidentCheckMs ?? 30_000);
  timer.unref();
  app.addHook('onReady', async () => {
    await check().catch((err: unknown) => app.log.warn({ err }, 'the incident check failed'));
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    unsubscribe();
    await alerter.settled();
  });
});
