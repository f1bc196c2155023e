import type { TransportFormat } from '../../core/entry.ts';
import type { Fact, HttpMeta, Leak, LineRecord, Machine, OutRecord, Owner, Provider, WinstonBody } from './record.ts';
import { Rng } from './prng.ts';
import { TimeHeap, type Timed } from './time-heap.ts';

/** Work on a machine (a request, a stream) and when its last line is due. */
export type Work = Owner & { endMs: number };

/** A machine while the simulation runs: up or down, its in-flight work, its in-memory rate limiter. */
export interface MachineState extends Machine {
  up: boolean;
  /** Work that dies with the machine (streams, requests) and when it would end. */
  owners: Work[];
  /** express-rate-limit's memory store: per key, a fixed 60 s window from its first hit. */
  limiter: Map<string, { resetAt: number; count: number }>;
  /** The stale-connection sweeper's setInterval started here (it restarts with the process). */
  sweepPhase: number;
  /** A deploy must not stop the machine before this (a line that keeps the joining rules exact is due). */
  protectUntil: number;
}

interface Actor extends Timed {
  run: () => void;
}

export interface LineExtras {
  owner?: Owner | null;
  fact?: Fact | null;
  leak?: Leak | null;
  http?: HttpMeta | null;
  level?: string;
  /** Draw the line (so the story does not change) but do not write it: the backend does not log it here. */
  skip?: boolean;
}

export interface EngineOptions {
  seed: number;
  start: number;
  format: TransportFormat;
  leaks: boolean;
  quirks: boolean;
  /** Live records to write (garbage included); null for no bound. */
  maxRecords: number | null;
  /** No line at or after this instant; null for no bound. */
  endMs: number | null;
}

interface Trigger {
  at: number;
  fire: () => void;
}

/** Without a bound the story repeats in cycles of this length (a live demo runs for days). */
const CYCLE_MS = 6 * 3_600_000;

/**
 * The discrete-event core: actors (traffic, the test plan, a deploy…) run at their time and schedule lines,
 * possibly for later; lines come out in time order. Everything random comes from one seeded generator, and no
 * decision depends on the output format, so plain, json and nats tell the same story.
 */
export class Engine {
  readonly rng: Rng;
  readonly machines: MachineState[] = [];
  /** The current actor's time. */
  now: number;
  /** Live records written so far (what `lines` counts). */
  written = 0;
  lastMs: number;
  lastSub = 0;
  private readonly lines = new TimeHeap<LineRecord>();
  private readonly actors = new TimeHeap<Actor>();
  private seq = 0;
  private readonly queue: OutRecord[] = [];
  private triggers: Trigger[] = [];
  private triggerIndex = 0;
  private cycle = 0;
  private done = false;

  constructor(readonly options: EngineOptions) {
    this.rng = new Rng(options.seed);
    this.now = options.start;
    this.lastMs = options.start;
  }

  get primary(): MachineState {
    return this.machines.find((m) => m.primary) as MachineState;
  }

  addMachine(m: Machine): MachineState {
    const state: MachineState = { ...m, up: true, owners: [], limiter: new Map(), sweepPhase: this.options.start - this.rng.int(0, 59_999), protectUntil: 0 };
    this.machines.push(state);
    return state;
  }

  /** Runs `run` at `ms` (never earlier than now). */
  at(ms: number, run: () => void): void {
    this.actors.push({ ms: Math.max(Math.round(ms), this.now), sub: 0, seq: this.seq++, run });
  }

  /** Things that happen when a share of the run is done (a deploy in the middle, the garbage lines…). */
  when(share: number, fire: () => void): void {
    this.triggers.push({ at: share, fire });
    this.triggers.sort((a, b) => a.at - b.at);
  }

  /** Work on `m` that would end at `endMs`; its lines after a crash of `m` are never written. */
  own(m: MachineState, endMs: number): Work {
    const owner: Work = { killMs: Number.POSITIVE_INFINITY, endMs };
    if (m.owners.length > 256) m.owners = m.owners.filter((o) => o.endMs > this.now && o.killMs === Number.POSITIVE_INFINITY);
    m.owners.push(owner);
    return owner;
  }

  /** The process on `m` dies at `ms`: everything it would still have logged is lost. */
  kill(m: MachineState, ms: number): void {
    for (const o of m.owners) if (o.endMs > ms && o.killMs > ms) o.killMs = ms;
    m.owners = [];
    m.limiter.clear();
  }

  /** A line of the backend (winston or console) on `m`. */
  app(m: MachineState, ms: number, body: WinstonBody | string, extras: LineExtras = {}): LineRecord {
    const level = extras.level ?? (typeof body === 'string' ? 'info' : body.level === 'error' && body.text ? 'error' : 'info');
    return this.line('app', m, ms, level, body, extras);
  }

  /** A line of Fly's platform (runner, proxy, health) about `m`. */
  platform(provider: Provider, m: MachineState, ms: number, level: string, text: string, extras: LineExtras = {}): LineRecord {
    return this.line(provider, m, ms, level, text, extras);
  }

  private line(provider: Provider, m: MachineState, ms: number, level: string, body: WinstonBody | string, extras: LineExtras): LineRecord {
    const rec: LineRecord = {
      kind: 'line',
      ms: Math.max(Math.round(ms), this.now),
      sub: this.rng.int(0, 999_999),
      seq: this.seq++,
      provider,
      machine: m,
      level,
      // As flyctl shows them: health messages start with a space, runner and proxy ones do not, app ones vary.
      space: this.rng.chance(0.5) ? provider !== 'runner' && provider !== 'proxy' : provider === 'health',
      body,
      http: extras.http ?? null,
      owner: extras.owner ?? null,
      fact: extras.fact ?? null,
      leak: extras.leak ?? null,
      after: null,
    };
    if (extras.skip !== true) this.lines.push(rec);
    return rec;
  }

  /** A garbage record written before the next line. */
  garbage(record: OutRecord): void {
    this.queue.push(record);
  }

  /** How far the run is, from 0 to 1 (cycles of 6 h when it has no bound). */
  progress(): number {
    const o = this.options;
    if (o.maxRecords !== null) return this.written / o.maxRecords;
    if (o.endMs !== null) return (this.lastMs - o.start) / (o.endMs - o.start);
    return ((this.lastMs - o.start) % CYCLE_MS) / CYCLE_MS;
  }

  /** The next record to write, or null when the run is over. */
  next(): OutRecord | null {
    for (;;) {
      if (this.done) return null;
      if (this.budgetSpent()) {
        this.done = true;
        return null;
      }
      const queued = this.queue.shift();
      if (queued !== undefined) {
        this.written++;
        return queued;
      }
      const top = this.lines.peek();
      const actor = this.actors.peek();
      if (actor !== undefined && (top === undefined || actor.ms <= top.ms)) {
        this.actors.pop();
        this.now = actor.ms;
        actor.run();
        continue;
      }
      if (top === undefined) {
        this.done = true;
        return null;
      }
      if (this.options.endMs !== null && top.ms >= this.options.endMs) {
        this.done = true;
        return null;
      }
      this.lines.pop();
      if (top.owner !== null && top.ms > top.owner.killMs) continue;
      if (!this.visible(top)) continue;
      this.written++;
      this.lastMs = top.ms;
      this.lastSub = top.sub;
      if (top.after !== null) this.queue.push(top.after);
      this.fireTriggers();
      return top;
    }
  }

  private budgetSpent(): boolean {
    const max = this.options.maxRecords;
    return max !== null && this.written >= max;
  }

  /** The app format is one machine's logs/combined.log: only what its winston logger wrote. */
  private visible(rec: LineRecord): boolean {
    if (this.options.format !== 'app') return true;
    return rec.provider === 'app' && rec.machine.primary && typeof rec.body !== 'string';
  }

  private fireTriggers(): void {
    const o = this.options;
    if (o.maxRecords === null && o.endMs === null) {
      const cycle = Math.floor((this.lastMs - o.start) / CYCLE_MS);
      if (cycle !== this.cycle) {
        this.cycle = cycle;
        this.triggerIndex = 0;
      }
    }
    const p = this.progress();
    while (this.triggerIndex < this.triggers.length && (this.triggers[this.triggerIndex] as Trigger).at <= p) {
      const t = this.triggers[this.triggerIndex++] as Trigger;
      // One ms after the line just written, so nothing the trigger schedules can land before it.
      this.now = Math.max(this.now, this.lastMs + 1);
      t.fire();
    }
  }
}
