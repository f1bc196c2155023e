import { sharedPlugin } from './shared-plugin.ts';

export type Clock = () => number;

declare module 'fastify' {
  interface FastifyInstance {
    /** Epoch ms now; injectable so tests can hold time still. */
    now: Clock;
  }
}

export const clockPlugin = sharedPlugin<{ now: Clock }>('clock', async (app, options) => {
  app.decorate('now', options.now);
});
