import { drawOutcome, type ChatCall, type OpenedStream } from './chat-call.ts';
import { chat, noticeDrop } from './chat-stream.ts';
import type { MachineState } from './engine.ts';
import type { World } from './world.ts';

type Reconnect = Omit<ChatCall, 'machine' | 't0' | 'connectionId'>;

/**
 * A client comes back with the same `x-connection-id` at `at`: there is no reconnect event, only an open of an
 * id seen before. The id is reused only when the server's lines about the first stream survived (a crashed
 * machine never closes its streams, and a close of the id would then land on the wrong stream).
 */
export function reconnectLater(world: World, first: OpenedStream, at: number, call: Reconnect, pick?: () => MachineState): void {
  world.engine.at(at, () => {
    const closedCleanly = first.closeMs !== null && first.closeMs <= first.owner.killMs;
    const m = pick?.() ?? world.route(call.user.region);
    chat(world, { ...call, machine: m, t0: world.now, connectionId: closedCleanly ? first.connectionId : null });
  });
}

/**
 * The overlapping reconnect: the first stream dropped without the server noticing; the client reconnects with
 * the same id at `at`, and the server notices the drop right after the new open. The first stream's machine may
 * not go down before that (a deploy waits).
 */
export function reconnectOverlapping(world: World, first: OpenedStream, at: number, call: Reconnect, pick?: () => MachineState): void {
  first.machine.protectUntil = Math.max(first.machine.protectUntil, at + 1_000);
  world.engine.at(at, () => {
    const alive = first.owner.killMs === Number.POSITIVE_INFINITY;
    const m = pick?.() ?? world.route(call.user.region);
    // The new stream closes seconds after the old one: two closes of one id within 2 s would read as one.
    const outcome = call.outcome === 'backend-error' ? 'complete' : call.outcome;
    const second = chat(world, { ...call, outcome, machine: m, t0: world.now, connectionId: alive ? first.connectionId : null, minFirstTokenMs: 40, minDurationMs: 4_000 });
    noticeDrop(world, first, second.stream?.openedMs ?? world.now + 5);
  });
}

/** What a reconnected stream does: anything but another silent drop. */
export function reconnectOutcome(world: World): ChatCall['outcome'] {
  const o = drawOutcome(world);
  return o === 'silent-drop' ? 'complete' : o;
}
