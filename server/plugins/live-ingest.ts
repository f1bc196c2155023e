import type { LiveIngest } from '../../ingest/live/live-ingest-handle.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The running ingest: what it committed, and how its source is doing. */
    live: LiveIngest;
  }
}

/**
 * The app owns the live ingest it is given: closing the app stops it (source stopped, last batch flushed,
 * writer closed), so one `app.close()` is the whole graceful shutdown.
 */
export const liveIngestPlugin = sharedPlugin<{ live: LiveIngest }>('live-ingest', async (app, options) => {
  app.decorate('live', options.live);
  app.addHook('onClose', async () => options.live.stop());
});
