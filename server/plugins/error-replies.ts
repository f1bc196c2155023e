import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sharedPlugin } from './shared-plugin.ts';
import { apiError } from './api-error.ts';
import { describeError } from './describe-error.ts';

/**
 * Every failure answers `{"error":{"code","message"}}`, never a stack. Registered first: routes registered
 * after it inherit the handlers.
 */
export const errorReplies = sharedPlugin('error-replies', async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, code, message } = describeError(err);
    // The serializer keeps the error's class and frames, never its message (which may quote input).
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ errorCode: code }, 'request refused');
    if (status === 503) reply.header('Retry-After', '1');
    return reply.code(status).send(apiError(code, message));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(apiError('not-found', 'no such route: the API is described in spec/interfaces.md')),
  );
});

/** Errors fastify meets before routing (a URL that does not decode): answered like the rest. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const bad = err.code === 'FST_ERR_BAD_URL';
  void reply
    .code(bad ? 400 : 500)
    .send(apiError(bad ? 'bad-url' : 'internal', bad ? 'the address does not decode: check its %-escapes' : 'internal error'));
}
