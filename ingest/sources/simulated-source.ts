import type { SourceStatus } from '../../core/api.ts';
import { simulateLive } from '../simulator/live.ts';
import { SourceStatusKeeper } from './source-status.ts';
import type { LiveSource, SourcePosition, SourceSink } from './source.ts';

export interface SimulatedSourceOptions {
  /** Records per second, on average. */
  rate: number;
  seed: number;
  now?: () => number;
}

/**
 * The built-in staging traffic in real time, as `fly logs` prints it: the default source when no app is
 * configured, so that a fresh checkout shows a living dashboard (in its own demo database).
 */
export class SimulatedSource implements LiveSource {
  readonly kind = 'simulate';
  readonly target = 'simulated staging traffic';
  readonly replay = 'none' as const;
  private readonly keeper = new SourceStatusKeeper('simulate', 'simulated staging traffic');
  private readonly abort = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private paused = false;
  private resumed: (() => void) | null = null;

  constructor(private readonly options: SimulatedSourceOptions) {}

  start(sink: SourceSink, _resumeFrom: SourcePosition | null): void {
    this.keeper.listen((s) => sink.status(s));
    this.keeper.set('running', null);
    this.loop = this.run(sink).catch(() => {
      // Aborted by stop(): the simulator's wait ends with an AbortError.
    });
  }

  status(): SourceStatus {
    return this.keeper.get();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.resumed?.();
    this.resumed = null;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.resume();
    await this.loop;
    this.keeper.set('stopped', null);
  }

  private async run(sink: SourceSink): Promise<void> {
    const now = this.options.now ?? Date.now;
    const records = simulateLive({
      seed: this.options.seed,
      start: now(),
      lines: Number.POSITIVE_INFINITY,
      format: 'plain',
      rate: this.options.rate,
      now,
      signal: this.abort.signal,
    });
    for await (const text of records) {
      if (this.abort.signal.aborted) return;
      while (this.paused && !this.abort.signal.aborted) await new Promise<void>((resolve) => (this.resumed = resolve));
      sink.data(Buffer.from(text), () => null);
    }
    this.keeper.set('finished', null);
  }
}
