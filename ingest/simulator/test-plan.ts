import type { ChatCall, ChatResult } from './chat-call.ts';
import { chat } from './chat-stream.ts';
import { privateIp, publicIp, testUser, type User } from './people.ts';
import type { Query } from './queries.ts';
import { reconnectLater, reconnectOverlapping } from './reconnects.ts';
import type { World } from './world.ts';

const q = (text: string): Query => ({ text, pii: [] });

/**
 * The SSE staging test plan (context/sse-staging-test-plan.md), run from one laptop against the primary machine
 * every half hour or so: Tests 1–7, one after the other, as the plan's curl commands do them.
 */
export function scheduleTestPlan(world: World): void {
  const run = (): void => {
    runTestPlan(world);
    world.engine.at(world.now + world.rng.int(25, 50) * 60_000, run);
  };
  world.engine.at(world.engine.options.start + world.rng.int(8_000, 15_000), run);
}

function runTestPlan(world: World): void {
  const { rng, engine } = world;
  const ip = publicIp(rng, 'sin');
  const lan = privateIp(rng);
  const tester = (id: string, email: string | null = null): User => ({ ...testUser(id, ip, lan), emailParam: email });
  const pause = (): number => rng.int(1_500, 4_000);
  const call = (user: User, query: string, extra: Partial<ChatCall> = {}): ChatResult =>
    chat(world, {
      user, machine: world.pinned(), t0: world.now, query: q(query), method: 'GET', style: 'percent', history: false,
      connectionId: null, outcome: 'complete', maxTimeMs: null, ...extra,
    });

  const steps: Array<() => number> = [
    // Test 1: a simple query, typed unencoded on the command line.
    () => call(tester('test-user-1'), 'What is ZANTARA?', { style: 'raw' }).clientEndMs,
    // Test 2: POST with a body that carries an e-mail (the audit trail redacts it and flags itself).
    () => call(tester('test-user-2', 'test@example.com'), 'What documents do I need for B211A visa?', { method: 'POST' }).clientEndMs,
    // Test 3: conversation history in the URL.
    () => call(tester('test-user-3'), 'Tell me more', { history: true }).clientEndMs,
    // Test 4: first-token latency, with curl's --max-time 5.
    () => call(tester('perf-test'), 'Hello', { maxTimeMs: 5_000 }).clientEndMs,
    // Test 5: ten concurrent connections.
    () => {
      let end = world.now;
      for (let i = 1; i <= 10; i++) {
        const r = chat(world, {
          user: tester(`load-test-${i}`), machine: world.pinned(), t0: world.now + rng.int(0, 40), query: q(`Test${i}`), method: 'GET',
          style: 'percent', history: false, connectionId: null, outcome: 'complete', maxTimeMs: null,
        });
        end = Math.max(end, r.clientEndMs);
      }
      return end;
    },
  ];

  const next = (i: number): void => {
    const step = steps[i];
    if (step === undefined) {
      rateLimitTest(world, tester('ratelimit-test'), 1, () => reconnectTest(world, tester('reconnect-test')));
      return;
    }
    const end = step();
    engine.at(end + pause(), () => next(i + 1));
  };
  next(0);
}

/** Test 6: 25 requests in a row with --max-time 2; the limiter refuses 21–25 with a 429. */
function rateLimitTest(world: World, user: User, i: number, then: () => void): void {
  if (i > 25) {
    world.engine.at(world.now + world.rng.int(3_000, 6_000), then);
    return;
  }
  const r = chat(world, {
    user, machine: world.pinned(), t0: world.now, query: q(`Rate${i}`), method: 'GET', style: 'percent', history: false,
    connectionId: null, outcome: 'complete', maxTimeMs: 2_000,
  });
  world.engine.at(r.clientEndMs + world.rng.int(20, 80), () => rateLimitTest(world, user, i + 1, then));
}

/**
 * Test 7: a connection with its own id and --max-time 10, then five seconds later a reconnect with the same id.
 * Sometimes the server has not noticed the first one drop when the second arrives: an overlapping reconnect.
 */
function reconnectTest(world: World, user: User): void {
  const { rng } = world;
  const id = `test-${Math.floor(world.now / 1000)}`;
  const base = { user, query: q('Reconnect'), method: 'GET' as const, style: 'percent' as const, history: false, outcome: 'complete' as const, maxTimeMs: null };
  if (rng.chance(0.3)) {
    const first = chat(world, { ...base, machine: world.pinned(), t0: world.now, query: q('Test'), connectionId: id, outcome: 'silent-drop', minDurationMs: 20_000 });
    if (first.stream !== null) reconnectOverlapping(world, first.stream, world.now + 15_000 + rng.int(0, 300), base, () => world.pinned());
    return;
  }
  const first = chat(world, { ...base, machine: world.pinned(), t0: world.now, query: q('Test'), connectionId: id, maxTimeMs: 10_000 });
  if (first.stream !== null) reconnectLater(world, first.stream, first.clientEndMs + 5_000 + rng.int(0, 300), base, () => world.pinned());
}
