/**
 * How long the live socket waits before its next try: doubling from half a second to half a minute, each wait
 * shortened by up to a fifth at random so that pages do not all reconnect in the same instant after a restart.
 */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Fraction of the delay that may be taken off at random (0 = none). */
  jitter: number;
}

export const LIVE_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, maxMs: 30_000, jitter: 0.2 };

/** The wait before retry number `attempt` (0 for the first retry after a drop). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = LIVE_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempt));
  const full = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  return Math.round(full * (1 - policy.jitter * random()));
}

/** The waits of the first `count` retries, for showing and testing the schedule. */
export function backoffSchedule(count: number, policy: BackoffPolicy = LIVE_BACKOFF, random: () => number = () => 0): number[] {
  return Array.from({ length: count }, (_, attempt) => backoffDelay(attempt, policy, random));
}
