import { globalRateLimit, requestCompleted, requestLogLine, requestStarted } from './backend-lines.ts';
import { CHAT_STREAM_PATH } from './chat-url.ts';
import { chat } from './chat-stream.ts';
import type { MachineState } from './engine.ts';
import { privateIp, publicIp, type User } from './people.ts';
import { BASE36, HEX } from './prng.ts';
import { shortQuery } from './queries.ts';
import { violation } from './rate-limit.ts';
import type { World } from './world.ts';

function client(world: World, key: string, region: User['region'] = 'sin'): User {
  return {
    key, authId: null, email: null, emailParam: null, publicIp: publicIp(world.rng, region), privateIp: privateIp(world.rng),
    region, client: 'api', userAgent: 'python-requests/2.31.0',
  };
}

/** Repeats `run` at `first`, then every [minMin, maxMin] minutes. */
function every(world: World, first: number, minMin: number, maxMin: number, run: () => void): void {
  const go = (): void => {
    run();
    world.engine.at(world.now + world.rng.int(minMin, maxMin) * 60_000, go);
  };
  world.engine.at(first, go);
}

/** A script hammering the chat stream: 28–45 requests in under a minute; the limiter refuses all past 20. */
function burst(world: World, user: User, requests: number, gapMs: [number, number]): void {
  let i = 0;
  const fire = (): void => {
    if (i++ >= requests) return;
    chat(world, {
      user, machine: world.pinned(), t0: world.now, query: shortQuery(world.rng), method: 'GET', style: 'percent', history: false,
      connectionId: null, outcome: 'complete', maxTimeMs: 3_000,
    });
    world.engine.at(world.now + world.rng.int(gapMs[0], gapMs[1]), fire);
  };
  fire();
}

export function scheduleBots(world: World): void {
  const start = world.engine.options.start;
  every(world, start + world.rng.int(40, 100) * 60_000, 90, 240, () => {
    const key = world.rng.chance(0.5) ? `key:zk_live_${world.rng.chars(HEX, 4)}` : `user:scraper-${world.rng.chars(BASE36, 4)}`;
    burst(world, client(world, key), world.rng.int(28, 45), [300, 1_200]);
  });
}

/** Someone whose user id is their e-mail address retries a little too fast: a few 429s keyed by an e-mail. */
export function emailKeyBurst(world: World): void {
  const key = world.leaks ? 'user:someone@example.com' : 'user:someone-example';
  burst(world, client(world, key), world.rng.int(22, 24), [1_200, 2_200]);
}

/**
 * A violation on its own line only: the audit import failed (warn only), or the warn line was lost (audit only).
 * On the sjc machine, which no burst and no test plan uses, so no other rate-limit line is within seconds of it.
 */
export function loneViolation(world: World): void {
  const m = world.engine.machines.find((x) => x.region === 'sjc' && x.up);
  if (m === undefined || world.now - world.lastLoneViolationMs < 60_000) {
    world.engine.at(world.now + 300_000, () => loneViolation(world));
    return;
  }
  const user = client(world, `user:u_${world.rng.chars(BASE36, 8)}`, 'sjc');
  const t0 = world.now;
  world.lastLoneViolationMs = t0;
  const ip = world.ipOf(user);
  const ctx = { correlationId: world.correlationId(), method: 'GET', url: CHAT_STREAM_PATH, userAgent: user.userAgent, ip };
  const ipLeak = world.leaks ? { rules: ['ip-address' as const], hashOf: null, leaked: [], httpOnly: false } : null;
  const owner = world.engine.own(m, t0 + 100);
  world.engine.app(m, t0, requestStarted(ctx, false), { owner, leak: ipLeak });
  world.engine.app(m, t0 + 1, requestLogLine('GET', CHAT_STREAM_PATH, ip, world.rng.chance(0.5)), { owner, leak: ipLeak });
  violation(world, m, t0 + 2, user, world.rng.chance(0.5) ? 'warn-only' : 'audit-only', owner);
  world.engine.app(m, t0 + world.rng.int(30, 50), requestCompleted(ctx, 429, 40, false), { owner, leak: ipLeak });
}

export function scheduleLoneViolations(world: World): void {
  every(world, world.engine.options.start + world.rng.int(50, 90) * 60_000, 40, 90, () => loneViolation(world));
}

/** A crawler over the global limiter (100 / 15 min per address): its first requests in view are already refused. */
export function crawler(world: World): void {
  const { rng, engine } = world;
  const user = client(world, 'anonymous');
  const ip = world.ipOf(user);
  const m: MachineState = world.route('sin');
  const path = '/api/v2/bali-zero/pricing';
  const n = rng.int(3, 8);
  let t = world.now;
  const ipLeak = world.leaks ? { rules: ['ip-address' as const], hashOf: null, leaked: [], httpOnly: false } : null;
  const owner = engine.own(m, t + n * 3_000);
  for (let i = 0; i < n; i++) {
    const ctx = { correlationId: world.correlationId(), method: 'GET', url: path, userAgent: 'Mozilla/5.0 (compatible; PetalBot)', ip };
    engine.app(m, t, requestStarted(ctx, false), { owner, leak: ipLeak });
    engine.app(m, t + 1, requestLogLine('GET', path, ip, rng.chance(0.5)), { owner, leak: ipLeak });
    engine.app(m, t + 2, globalRateLimit(ip, rng.chance(0.5)), { owner, fact: { k: 'ratelimit-ip', ip } });
    engine.app(m, t + rng.int(4, 9), requestCompleted(ctx, 429, 6, false), { owner, leak: ipLeak });
    t += rng.int(800, 2_500);
  }
}

export function scheduleCrawler(world: World): void {
  every(world, world.engine.options.start + world.rng.int(100, 200) * 60_000, 120, 240, () => crawler(world));
}
