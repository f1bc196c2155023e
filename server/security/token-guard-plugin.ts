import type { FastifyRequest } from 'fastify';
import { sharedPlugin } from '../plugins/shared-plugin.ts';
import { apiError } from '../plugins/api-error.ts';
import { secretsEqual } from './token-compare.ts';
import { SESSION_COOKIE, SessionSigner, cookieValue } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without the token: `/healthz`, the session exchange and the page's static files (no data). */
    public?: boolean;
  }
  interface FastifyInstance {
    /** null when the service has no token. */
    sessions: SessionSigner | null;
    /** True when the request carries the token or a session (always, when the service has no token). */
    requestAuthorised(request: FastifyRequest): boolean;
  }
}

/**
 * With FLIGHT_RECORDER_TOKEN set, every route not marked public needs it: `Authorization: Bearer <token>`, or
 * the session cookie the page got from `POST /api/session` (browsers cannot add headers to a WebSocket, so the
 * cookie is what opens `/ws`).
 */
export const tokenGuardPlugin = sharedPlugin<{ token: string | null }>('token-guard', async (app, options) => {
  const token = options.token;
  const sessions = token === null ? null : new SessionSigner(token);
  app.decorate('sessions', sessions);
  app.decorate('requestAuthorised', (request: FastifyRequest) => token === null || sessions === null || authorised(request, token, sessions, app.now()));
  if (token === null || sessions === null) return;
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public === true) return;
    if (authorised(request, token, sessions, app.now())) return;
    return reply
      .code(401)
      .header('WWW-Authenticate', 'Bearer realm="flight-recorder"')
      .send(apiError('unauthorized', 'this service needs its token: send Authorization: Bearer <token>, or sign in on the page'));
  });
});

function authorised(request: FastifyRequest, token: string, sessions: SessionSigner, now: number): boolean {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m !== null && secretsEqual(m[1] as string, token);
  }
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return cookie !== null && sessions.verify(cookie, now);
}
