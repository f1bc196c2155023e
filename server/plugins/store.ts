import { Store } from '../../core/store/store.ts';
import type { StoreKind } from '../../core/store/store.ts';
import { sharedPlugin } from './shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's own connection: reads for the API, and the rare review write (a finding's status). */
    store: Store;
  }
}

export interface StorePluginOptions {
  [key: string]: unknown;
  path: string;
  kind: StoreKind;
  env: NodeJS.ProcessEnv;
}

export const storePlugin = sharedPlugin<StorePluginOptions>('store', async (app, options) => {
  const store = openForServing(options);
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
});

/**
 * A store that cannot be written must still be readable: `/healthz` says what is wrong, and the data stays
 * visible. Only when the read-write open fails for that reason does the server fall back to reading.
 */
function openForServing(options: StorePluginOptions): Store {
  try {
    return Store.open(options.path, { kind: options.kind, env: options.env });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_FULL') {
      return Store.open(options.path, { readonly: true, env: options.env });
    }
    throw err;
  }
}
