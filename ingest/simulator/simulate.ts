import type { RuleId } from '../../core/findings/finding.ts';
import type { Report } from '../../core/report.ts';
import { emissions, type SimulationOptions } from './emissions.ts';
import { LeakLabeler, withLinkable } from './leak-labeler.ts';
import { Renderer } from './render.ts';
import { BAD_UTF8_BYTES } from './garbage-text.ts';
import { TruthAccumulator } from './truth.ts';

export { DEFAULT_INTENSITY, DEFAULT_LINES, emissions, type Emission, type SimulationOptions } from './emissions.ts';

const CHUNK = 64 * 1024;

/**
 * Text chunks of about 64 KB, lazily: a million lines stream in bounded memory. Invalid UTF-8 cannot live in a
 * string; here it appears as a decoder shows it (U+FFFD). `simulateBytes` writes the real bytes.
 */
export function* simulate(options: SimulationOptions): Generator<string, void, void> {
  const renderer = new Renderer(options.format, options.quirks ?? true);
  let chunk = '';
  for (const e of emissions(options)) {
    chunk += renderer.render(e.rec);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The same output as bytes, with the garbage line's invalid UTF-8 as it really travels. */
export function* simulateBytes(options: SimulationOptions): Generator<Uint8Array, void, void> {
  const renderer = new Renderer(options.format, options.quirks ?? true);
  let parts: string[] = [];
  let size = 0;
  const flush = (): Uint8Array => {
    const b = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    size = 0;
    return b;
  };
  for (const e of emissions(options)) {
    if (e.rec.kind === 'garbage' && e.rec.variant === 'bad-utf8') {
      if (parts.length > 0) yield flush();
      yield Buffer.concat([BAD_UTF8_BYTES, Buffer.from('\n')]);
      continue;
    }
    const text = renderer.render(e.rec);
    parts.push(text);
    size += text.length;
    if (size >= CHUNK) yield flush();
  }
  if (parts.length > 0) yield flush();
}

/** The ground truth for exactly the output of `simulate(options)`: the report its ingestion must produce. */
export function simulateTruth(options: SimulationOptions): Report {
  const labeler = new LeakLabeler(options.format);
  const truth = new TruthAccumulator(options.format);
  for (const e of emissions(options, labeler)) if (!e.replay) truth.add(e.rec, e.rules, e.pendingHashOf);
  return truth.report((q) => labeler.leakedInClear(q));
}

/** One labelled entry of the output: its index among all entries read (replayed copies included), its rules. */
export interface LeakLabel {
  index: number;
  rules: RuleId[];
  /** A copy printed by a `fly logs` restart: the store drops it, a scanner still sees it. */
  replay: boolean;
}

/**
 * The GDPR labels of `simulate(options)`'s output, for precision/recall: every entry that breaks at least one
 * rule, by its index in the order an entry reader yields entries (continuation lines fold into their entry;
 * garbage lines are entries of their own except a prefix-less valid line in plain, which continues the entry
 * above). Entries not listed break no rule.
 */
export function simulateLeakLabels(options: SimulationOptions): LeakLabel[] {
  const labeler = new LeakLabeler(options.format);
  const labels: Array<LeakLabel & { pendingHashOf: string | null }> = [];
  let index = 0;
  for (const e of emissions(options, labeler)) {
    if (!e.entry) continue;
    if (e.rules.length > 0 || e.pendingHashOf !== null) labels.push({ index, rules: e.rules, replay: e.replay, pendingHashOf: e.pendingHashOf });
    index++;
  }
  const out: LeakLabel[] = [];
  for (const l of labels) {
    const rules = l.pendingHashOf !== null && labeler.leakedInClear(l.pendingHashOf) ? withLinkable(l.rules) : l.rules;
    if (rules.length > 0) out.push({ index: l.index, rules, replay: l.replay });
  }
  return out;
}

/** Output and truth in one pass: iterate `chunks()` to the end, then read `truth()`. */
export class Simulation {
  private readonly truthAcc: TruthAccumulator;
  private readonly labeler: LeakLabeler;
  private finished = false;

  constructor(private readonly options: SimulationOptions) {
    this.truthAcc = new TruthAccumulator(options.format);
    this.labeler = new LeakLabeler(options.format);
  }

  *chunks(): Generator<string, void, void> {
    const renderer = new Renderer(this.options.format, this.options.quirks ?? true);
    let parts: string[] = [];
    let size = 0;
    for (const e of emissions(this.options, this.labeler)) {
      if (!e.replay) this.truthAcc.add(e.rec, e.rules, e.pendingHashOf);
      const text = renderer.render(e.rec);
      parts.push(text);
      size += text.length;
      if (size >= CHUNK) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
    }
    if (parts.length > 0) yield parts.join('');
    this.finished = true;
  }

  truth(): Report {
    if (!this.finished) throw new Error('the simulation has not run to its end yet');
    return this.truthAcc.report((q) => this.labeler.leakedInClear(q));
  }
}
