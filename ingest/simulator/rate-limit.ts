import { auditLine, rateLimitAuditFailed, rateLimitWarn } from './backend-lines.ts';
import type { MachineState } from './engine.ts';
import type { User } from './people.ts';
import type { Leak, Owner, ViolationFacts } from './record.ts';
import type { World } from './world.ts';

export const LIMIT = 20;
export const WINDOW_MS = 60_000;

/** express-rate-limit on one machine: 20 requests per key per 60 s window. True when this one is refused. */
export function rateLimited(m: MachineState, key: string, t: number): boolean {
  let w = m.limiter.get(key);
  if (w === undefined || t >= w.resetAt) {
    if (m.limiter.size > 2000) for (const [k, v] of m.limiter) if (t >= v.resetAt) m.limiter.delete(k);
    w = { resetAt: t + WINDOW_MS, count: 0 };
    m.limiter.set(key, w);
  }
  w.count++;
  return w.count > LIMIT;
}

/**
 * A 429: the warn line and then the `security.rate_limit_violation` audit line, a few ms apart on the same
 * machine (sometimes the other way round). `warn-only`: the audit import failed. `audit-only`: the warn line
 * never made it. Unpaired violations are only made where no other rate-limit line is near (see scenarios).
 */
export function violation(world: World, m: MachineState, t: number, user: User, mode: 'pair' | 'warn-only' | 'audit-only', owner: Owner | null): void {
  const { engine, rng } = world;
  const headerUserId = user.key.startsWith('user:') ? user.key.slice(5) : null;
  const v: ViolationFacts = { warnKey: user.key, auditKey: headerUserId === null ? null : `user:${headerUserId}`, warnSeen: false, auditSeen: false, counted: false };
  const auditFirst = rng.chance(0.1);
  const tWarn = auditFirst ? t + rng.int(1, 4) : t;
  const tAudit = auditFirst ? t : t + rng.int(2, 15);
  const emailRules: Leak | null = user.key.includes('@') ? { rules: ['email'], hashOf: null, leaked: [], httpOnly: false } : null;
  const warnText = rng.chance(0.3);
  const sorted = rng.chance(0.25) && world.quirks;
  engine.app(m, tWarn, rateLimitWarn(user.key, '/chat-stream', warnText), {
    owner, fact: { k: 'ratelimit', v, via: 'warn' }, leak: emailRules, skip: mode === 'audit-only',
  });
  const audit = auditLine({
    operation: 'security.rate_limit_violation', userId: headerUserId, userEmail: null, ipAddress: world.ipOf(user), endpoint: '/chat-stream',
    method: 'ANY', success: false, metadata: { limit: LIMIT, window: WINDOW_MS / 1000 }, duration: null, error: 'Rate limit exceeded', gdprCompliant: true,
  }, sorted);
  engine.app(m, tAudit, audit, { owner, fact: { k: 'ratelimit', v, via: 'audit' }, leak: emailRules, skip: mode === 'warn-only' });
  if (mode === 'warn-only') engine.app(m, tWarn + rng.int(3, 10), rateLimitAuditFailed(rng.chance(0.5) && world.quirks), { owner });
}
