import type { Health } from '../../core/api.ts';
import { sharedPlugin } from './shared-plugin.ts';

export interface HealthService {
  current(): Health;
}

declare module 'fastify' {
  interface FastifyInstance {
    health: HealthService;
  }
}

export interface HealthOptions {
  [key: string]: unknown;
  demo: boolean;
  version: string;
}

/** Source states in which ingest is not happening and will not resume by itself soon. */
const UNHEALTHY_STATES = new Set(['down', 'stalled', 'stopped']);

export const healthPlugin = sharedPlugin<HealthOptions>('health', async (app, options) => {
  app.decorate('health', {
    current(): Health {
      const source = app.live.sourceStatus();
      const store = app.live.storeStatus();
      const newest = source.lastEntryAt === null ? null : Date.parse(source.lastEntryAt);
      const lagSeconds = newest === null || Number.isNaN(newest) ? null : Math.max(0, (app.now() - newest) / 1000);
      const reason = !store.writable
        ? `the store cannot be written: ${store.reason ?? 'unknown reason'}`
        : UNHEALTHY_STATES.has(source.state)
          ? `the ${source.kind} source is ${source.state}${source.reason !== null ? `: ${source.reason}` : ''}`
          : null;
      return { status: reason === null ? 'ok' : 'degraded', reason, source, store, lagSeconds, demo: options.demo, version: options.version };
    },
  });
});
