import type { TransportFormat } from '../../core/entry.ts';
import type { RuleId } from '../../core/findings/finding.ts';
import { LeakLabeler } from './leak-labeler.ts';
import type { OutRecord } from './record.ts';
import { tellStory } from './story.ts';
import { World } from './world.ts';

export interface SimulationOptions {
  seed: number;
  /** Epoch ms of the first instant. */
  start: number;
  /** Entries to write (garbage lines included, replayed history not). Default 10,000 when no duration is given;
   * Infinity for a run without end (a live demo: the story then repeats in cycles of six hours). */
  lines?: number;
  /** Simulated seconds to cover. With `lines` too, whichever ends first. */
  durationS?: number;
  format: TransportFormat;
  /** Personal data in the logs as the backend really leaks it (default true); false writes no plaintext at all. */
  leaks?: boolean;
  /** Transport quirks: garbage lines, multi-line entries, leading spaces, unstable key order (default true). */
  quirks?: boolean;
  /** `fly logs` restarts that print recent history again (plain and json only; default false). */
  replay?: boolean;
  /** Everyday chat requests per second (default 0.9, about 8 lines a second in all). */
  intensity?: number;
}

/** What the run writes, in order: live records, and copies of recent ones when `fly logs` replays its history. */
export interface Emission {
  rec: OutRecord;
  replay: boolean;
  /** GDPR rules this entry breaks (empty for most), `linkable-hash` of uncommon queries aside: see `pendingHashOf`. */
  rules: RuleId[];
  /** The entry prints the queryHash of this uncommon query: linkable if the run leaks the query anywhere. */
  pendingHashOf: string | null;
  /** The record is an entry of its own (in plain, a valid line without a prefix continues the one above). */
  entry: boolean;
}

export const DEFAULT_LINES = 10_000;
export const DEFAULT_INTENSITY = 0.9;
const REPLAY_ENTRIES = 100;
/** Without a bound, `fly logs` is restarted every 20 minutes. */
const REPLAY_EVERY_MS = 20 * 60_000;

function settled(o: SimulationOptions): Required<Omit<SimulationOptions, 'durationS' | 'lines'>> & { lines: number | null; endMs: number | null } {
  const endless = (o.lines !== undefined && !Number.isFinite(o.lines)) || (o.durationS !== undefined && !Number.isFinite(o.durationS));
  const endMs = o.durationS !== undefined && !endless ? o.start + Math.round(o.durationS * 1000) : null;
  const lines = endless ? null : o.lines !== undefined ? o.lines : endMs === null ? DEFAULT_LINES : null;
  return {
    seed: o.seed, start: o.start, format: o.format, leaks: o.leaks ?? true, quirks: o.quirks ?? true, replay: o.replay ?? false,
    intensity: o.intensity ?? DEFAULT_INTENSITY, lines, endMs,
  };
}

/** Follows the runs of equal times (metrics.md § Duplicates) so that a replay starts where a run starts. */
function runKey(rec: OutRecord, format: TransportFormat): string | null {
  if (rec.kind === 'garbage') return null;
  if (rec.kind === 'truncated') return format === 'plain' ? String(Math.floor(rec.ms / 1000)) : null;
  return format === 'plain' ? String(Math.floor(rec.ms / 1000)) : `${rec.ms}.${rec.sub}`;
}

/**
 * The last ~100 entries again, as a restarted `fly logs` prints them: whole runs only, and never starting in the
 * run the live stream is in, so every copy lands in a later run than its original (and is dropped by identity).
 */
function history(ring: readonly OutRecord[], format: TransportFormat): OutRecord[] {
  let lastKey: string | null = null;
  for (let i = ring.length - 1; i >= 0 && lastKey === null; i--) lastKey = runKey(ring[i] as OutRecord, format);
  let prev: string | null = null;
  const from = Math.max(0, ring.length - REPLAY_ENTRIES);
  for (let i = 0; i < ring.length; i++) {
    const rec = ring[i] as OutRecord;
    const key = runKey(rec, format);
    if (i >= from && rec.kind === 'line' && key !== null && key !== prev && key !== lastKey && i > 0) return ring.slice(i);
    if (key !== null) prev = key;
  }
  return [];
}

/** One simulated run: the same options always give the same emissions. */
export function* emissions(options: SimulationOptions, labeler: LeakLabeler = new LeakLabeler(options.format)): Generator<Emission, void, void> {
  const o = settled(options);
  const world = new World({ seed: o.seed, start: o.start, format: o.format, leaks: o.leaks, quirks: o.quirks, maxRecords: o.lines, endMs: o.endMs });
  tellStory(world, o.intensity);
  const engine = world.engine;
  const replays = o.replay && (o.format === 'plain' || o.format === 'json');
  const ring: OutRecord[] = [];
  const points = [0.3, 0.7];
  let nextReplayAt = o.start + REPLAY_EVERY_MS;
  for (;;) {
    const rec = engine.next();
    if (rec === null) return;
    const entry = !(rec.kind === 'garbage' && rec.variant === 'bigline' && o.format === 'plain');
    const live = labeler.rules(rec);
    yield { rec, replay: false, rules: live.rules, pendingHashOf: live.pendingHashOf, entry };
    if (!replays) continue;
    ring.push(rec);
    if (ring.length > REPLAY_ENTRIES * 2) ring.splice(0, ring.length - REPLAY_ENTRIES - 20);
    if (rec.kind !== 'line' || rec.after !== null) continue;
    const bounded = o.lines !== null || o.endMs !== null;
    const due = bounded ? points.length > 0 && engine.progress() >= (points[0] as number) : rec.ms >= nextReplayAt;
    if (!due) continue;
    if (bounded) points.shift();
    else nextReplayAt = rec.ms + REPLAY_EVERY_MS;
    for (const copy of history(ring, o.format)) {
      const copyEntry = !(copy.kind === 'garbage' && copy.variant === 'bigline' && o.format === 'plain');
      const again = labeler.rules(copy);
      yield { rec: copy, replay: true, rules: again.rules, pendingHashOf: again.pendingHashOf, entry: copyEntry };
    }
  }
}

