export interface BucketPolicy {
  /** Requests allowed at once. */
  capacity: number;
  /** Requests regained per second. */
  refillPerSecond: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per client address. The table is bounded: past `maxClients` the least recently seen client is
 * forgotten (a forgotten client starts with a full bucket, which only errs towards letting requests through).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    private readonly policy: BucketPolicy,
    private readonly maxClients = 10_000,
  ) {}

  take(client: string, nowMs: number): Admission {
    const { capacity, refillPerSecond } = this.policy;
    const held = this.buckets.get(client);
    let tokens = capacity;
    if (held !== undefined) {
      tokens = Math.min(capacity, held.tokens + (Math.max(0, nowMs - held.atMs) / 1000) * refillPerSecond);
      // Re-inserted so that Map order is least recently seen first.
      this.buckets.delete(client);
    } else if (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    if (tokens >= 1) {
      this.buckets.set(client, { tokens: tokens - 1, atMs: nowMs });
      return { allowed: true };
    }
    this.buckets.set(client, { tokens, atMs: nowMs });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }
}
