import { createScanner } from '../../core/findings/scanner.ts';
import type { TextScanner } from '../../core/store/queries/set-finding-status.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Redacts what reviewers type (notes, names) before it is stored, with the store's own secret. */
    scanner: TextScanner;
  }
}

/** Needs `store` registered before it: the scanner's fingerprints are keyed with the store's secret. */
export const scannerPlugin = sharedPlugin('scanner', async (app) => {
  app.decorate('scanner', createScanner({ secret: app.store.secret }));
});
