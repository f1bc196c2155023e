import { setTimeout as sleep } from 'node:timers/promises';
import { Renderer } from './render.ts';
import { emissions, type SimulationOptions } from './emissions.ts';

/**
 * Records per everyday request, all traffic included (test plan, platform lines…): measured over long runs of
 * the default story, so that `rate` records a second is the intensity that keeps simulated time on the clock.
 */
export const RECORDS_PER_REQUEST = 8.6;

/** The traffic intensity (requests/s) whose output runs at about `rate` records per second. */
export function intensityFor(rate: number): number {
  return Math.max(0.01, rate / RECORDS_PER_REQUEST);
}

/** One record's text at a time (unbounded without `lines`/`durationS`), for sources that pace by count. */
export function* simulateRecords(options: SimulationOptions): Generator<string, void, void> {
  const renderer = new Renderer(options.format, options.quirks ?? true);
  for (const e of emissions(options)) yield renderer.render(e.rec);
}

export interface LiveOptions extends Omit<SimulationOptions, 'intensity'> {
  /** Records per second, on average. */
  rate: number;
  /** The clock (ms); tests pass a fake one with `sleep`. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * The simulation in real time: each record is written when the clock reaches its timestamp, so timestamps
 * follow the real clock (start with `start: Date.now()`). Yields the records that came due together.
 */
export async function* simulateLive(options: LiveOptions): AsyncGenerator<string, void, void> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? ((ms: number) => sleep(ms, undefined, { signal: options.signal }));
  const renderer = new Renderer(options.format, options.quirks ?? true);
  let pending = '';
  for (const e of emissions({ ...options, intensity: intensityFor(options.rate) })) {
    const text = renderer.render(e.rec);
    const due = e.rec.kind === 'garbage' ? null : e.rec.ms;
    if (due !== null && due > now()) {
      if (pending !== '') {
        yield pending;
        pending = '';
      }
      while (due > now()) {
        if (options.signal?.aborted === true) return;
        await wait(Math.min(1_000, due - now()));
      }
    }
    pending += text;
    if (pending.length >= 64 * 1024) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}
