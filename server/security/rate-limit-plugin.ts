import { sharedPlugin } from '../plugins/shared-plugin.ts';
import { apiError } from '../plugins/api-error.ts';
import { TokenBuckets } from './token-bucket.ts';
import type { BucketPolicy } from './token-bucket.ts';

export interface RateLimitOptions {
  [key: string]: unknown;
  /** Every request: generous enough for a page load (its assets, the report, the lists) several times over. */
  general?: BucketPolicy;
  /** Token guesses at `POST /api/session`: a handful, then one every few seconds. */
  session?: BucketPolicy;
}

export const DEFAULT_GENERAL: BucketPolicy = { capacity: 300, refillPerSecond: 50 };
export const DEFAULT_SESSION: BucketPolicy = { capacity: 10, refillPerSecond: 0.2 };

/**
 * Per-address token buckets, checked before anything else so that refused guesses cost nothing. Behind a
 * proxy every client shares the proxy's address unless the app trusts it (`FLIGHT_RECORDER_TRUSTED_PROXIES`).
 */
export const rateLimitPlugin = sharedPlugin<RateLimitOptions>('rate-limit', async (app, options) => {
  const general = new TokenBuckets(options.general ?? DEFAULT_GENERAL);
  const session = new TokenBuckets(options.session ?? DEFAULT_SESSION);
  app.addHook('onRequest', async (request, reply) => {
    const now = app.now();
    let admission = general.take(request.ip, now);
    if (admission.allowed && request.method === 'POST' && request.routeOptions.url === '/api/session') {
      admission = session.take(request.ip, now);
    }
    if (!admission.allowed) {
      return reply
        .code(429)
        .header('Retry-After', String(admission.retryAfterSeconds))
        .send(apiError('rate-limited', `too many requests: retry in ${admission.retryAfterSeconds} s`));
    }
  });
});
