/** Exponential backoff with jitter: restarts spread out instead of hammering a failing child, server or disk. */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** In [0, 1); injectable so that tests are deterministic. */
  random?: () => number;
}

export const DEFAULT_BACKOFF_INITIAL_MS = 1000;
export const DEFAULT_BACKOFF_MAX_MS = 30_000;

export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;
  private attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = Math.max(1, options.initialMs ?? DEFAULT_BACKOFF_INITIAL_MS);
    this.maxMs = Math.max(this.initialMs, options.maxMs ?? DEFAULT_BACKOFF_MAX_MS);
    this.random = options.random ?? Math.random;
  }

  /** The wait before the next attempt; each call doubles the base, up to the maximum. */
  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    // ±25 % around the base: two services restarted together do not retry in lockstep.
    const jittered = base * (0.75 + 0.5 * this.random());
    return Math.round(Math.min(this.maxMs, Math.max(this.initialMs, jittered)));
  }

  /** After a healthy run the next failure starts from the initial wait again. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
