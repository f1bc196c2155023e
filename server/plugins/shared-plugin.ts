import type { FastifyPluginAsync } from 'fastify';

/**
 * A plugin whose hooks, handlers and decorators belong to the app that registers it rather than to a context of
 * its own: what fastify-plugin does, by the symbol fastify reads, without the extra dependency.
 */
export function sharedPlugin<Options extends Record<string, unknown> = Record<never, never>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: name });
}
