import type { FastifyRequest } from 'fastify';
import { sharedPlugin } from '../plugins/shared-plugin.ts';
import { apiError } from '../plugins/api-error.ts';
import { hostnameOfHeader, isLoopbackHost } from './loopback.ts';

/**
 * Without a token the service trusts being reachable only from this machine. A web page elsewhere can still
 * aim the browser at it under another name (DNS rebinding), so the `Host` must be a loopback name. And a page
 * of another origin must not open the live socket or post with the browser's cookie: when a browser says
 * where the request comes from (`Origin`), it must be this service.
 */
export const hostCheckPlugin = sharedPlugin<{ token: string | null }>('host-check', async (app, options) => {
  app.addHook('onRequest', async (request, reply) => {
    const host = hostnameOfHeader(request.headers.host);
    if (options.token === null && (host === null || !isLoopbackHost(host))) {
      return reply
        .code(403)
        .send(apiError('forbidden-host', 'this service answers only to localhost, 127.0.0.1 or [::1]; to serve other names, set FLIGHT_RECORDER_TOKEN'));
    }
    if (isCrossOrigin(request)) {
      return reply.code(403).send(apiError('cross-origin', 'requests from pages of other origins are refused'));
    }
  });
});

function isCrossOrigin(request: FastifyRequest): boolean {
  const changes = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
  const upgrade = (request.headers.upgrade ?? '').toLowerCase() === 'websocket';
  if (!changes && !upgrade) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost.toLowerCase() !== (request.headers.host ?? '').toLowerCase();
}
