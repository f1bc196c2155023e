import { drawOutcome, type ChatCall } from './chat-call.ts';
import { chat } from './chat-stream.ts';
import { COMMON_QUERIES, MULTILINE_QUERY, longQuery, ordinaryQuery } from './queries.ts';
import { reconnectLater, reconnectOutcome, reconnectOverlapping } from './reconnects.ts';
import type { World } from './world.ts';

/** A quirk the next ordinary request is made to show (set by the quirk schedule). */
export type Forced = 'fail-with-stack' | 'multiline-query';

/**
 * Everyday users of the assistant: Poisson arrivals at `intensity` requests per second, each a chat stream with
 * the outcomes real streams have (most complete, some disconnect, a few fail, hang or reconnect).
 */
export function startTraffic(world: World, intensity: number, forced: Forced[]): void {
  const { engine, rng } = world;
  const meanGapMs = 1000 / intensity;
  const arrive = (): void => {
    const user = rng.pick(world.users);
    const missing = rng.chance(0.004);
    let query = ordinaryQuery(rng, world.leaks);
    const method = user.client === 'api' && rng.chance(0.5) ? 'POST' : 'GET';
    // A POSTed query leaks only through the Starting stream line's first 50 characters; short ones are kept to
    // GET (whose URL leaks first), so that whether a queryHash is linkable never depends on line order.
    if (method === 'POST' && query.text.length <= 50 && !COMMON_QUERIES.has(query.text)) query = longQuery(rng);
    const history = user.client === 'web' && rng.chance(0.08);
    let outcome = drawOutcome(world);
    const comesBack = rng.chance(0.3);
    const backAfter = rng.int(5_000, 15_000);
    const force = forced.shift();
    const call: ChatCall = {
      user, machine: world.route(user.region), t0: world.now, query: missing ? null : query, method,
      style: user.client === 'web' ? 'form' : 'percent', history, connectionId: null, outcome, maxTimeMs: null,
    };
    if (force === 'fail-with-stack') {
      outcome = 'init-fail';
      Object.assign(call, { outcome, query, textStack: true });
    } else if (force === 'multiline-query') {
      outcome = 'complete';
      Object.assign(call, { outcome, query: MULTILINE_QUERY, method: 'GET', textOpen: true });
    }
    const result = chat(world, call);
    const s = result.stream;
    if (s !== null && outcome === 'disconnect' && comesBack) {
      reconnectLater(world, s, result.clientEndMs + backAfter, { ...call, outcome: reconnectOutcome(world) });
    } else if (s !== null && outcome === 'silent-drop') {
      reconnectOverlapping(world, s, call.t0 + 12_000 + rng.int(0, 8_000), { ...call, outcome: reconnectOutcome(world) });
    }
    engine.at(world.now + Math.max(1, Math.round(rng.exp(meanGapMs))), arrive);
  };
  engine.at(engine.options.start + rng.int(0, 500), arrive);
}
