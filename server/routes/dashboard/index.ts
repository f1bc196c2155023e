import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { missingDashboardPage } from './missing-dashboard-page.ts';

/**
 * The built page (`vite build web` → web/dist) at `/`. Public: it is code, not data, and a browser must load it
 * to ask for the token. Every route registered in this plugin's context is marked so.
 */
export const dashboardRoutes: FastifyPluginAsync<{ distPath: string }> = async (app, options) => {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
  if (!existsSync(join(options.distPath, 'index.html'))) {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(missingDashboardPage(options.distPath)));
    return;
  }
  await app.register(fastifyStatic, {
    root: options.distPath,
    prefix: '/',
    index: ['index.html'],
    // Vite names its assets by their hash: they never change, so they may be cached for good; the page itself is
    // checked each time so that a rebuild is seen at once.
    setHeaders(reply, path) {
      reply.header('Cache-Control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};
