import type { FastifyPluginAsync } from 'fastify';
import { sessionBodySchema } from './schema.ts';
import type { SessionBody } from './schema.ts';
import { HttpError } from '../../plugins/api-error.ts';
import { secretsEqual } from '../../security/token-compare.ts';
import { sessionCookieHeader } from '../../security/session-cookie.ts';

/**
 * The page trades the token once for an HttpOnly session cookie: scripts on the page never hold the token
 * afterwards, and the cookie opens `/ws`. Public by necessity; its own tight rate limit slows guessing.
 */
export const sessionRoutes: FastifyPluginAsync<{ token: string | null }> = async (app, options) => {
  app.post<{ Body: SessionBody }>('/api/session', { config: { public: true }, schema: { body: sessionBodySchema } }, async (request, reply) => {
    const sessions = app.sessions;
    // Without a token there is nothing to sign in to: every request is already let in.
    if (options.token === null || sessions === null) return reply.code(204).send();
    if (!secretsEqual(request.body.token, options.token)) throw new HttpError(401, 'bad-token', 'that is not the token of this service');
    const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
    return reply.code(204).header('Set-Cookie', sessionCookieHeader(sessions.issue(app.now()), secure)).send();
  });
};
