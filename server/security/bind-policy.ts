import { isLoopbackHost } from './loopback.ts';

export class UnsafeBindError extends Error {}

/**
 * A service reachable from other machines serves personal-data findings: it must ask for a token. Refused at
 * start, before anything listens.
 */
export function assertSafeBind(host: string, token: string | null): void {
  if (token !== null || isLoopbackHost(host)) return;
  throw new UnsafeBindError(
    `refusing to listen on ${host} without a token: anyone who can reach it would read the findings. ` +
      'Set FLIGHT_RECORDER_TOKEN (a long random secret), or listen on 127.0.0.1 (--host 127.0.0.1)',
  );
}
