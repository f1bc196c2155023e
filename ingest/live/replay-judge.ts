import type { SourceGap } from '../sources/source.ts';
import { formatSeconds } from '../sources/format-seconds.ts';

export interface ReplayJudgeOptions {
  /** `fly logs` replays about this many entries on start. */
  windowEntries: number;
  /** The replay comes at once; entries this long after the first one are live. */
  windowMs: number;
  /** Shorter holes are not worth a gap (plain `fly logs` times are whole seconds). */
  minGapMs: number;
}

export const DEFAULT_REPLAY_WINDOW: ReplayJudgeOptions = { windowEntries: 100, windowMs: 3000, minGapMs: 5000 };

/**
 * Decides, from the history a restarted `fly logs` replays, whether entries were missed while it was down: when
 * the replay holds no entry the store already had, it did not reach back to the last stored entry, and what lay
 * between that entry and the replay's oldest one is a gap.
 */
export class ReplayJudge {
  private seen = 0;
  private oldestMs = Number.POSITIVE_INFINITY;
  private firstSeenAt: number | null = null;
  private settled: boolean;

  constructor(
    private readonly lastStoredMs: number | null,
    private readonly why: string,
    private readonly storedBefore: (identity: bigint) => boolean,
    private readonly options: ReplayJudgeOptions = DEFAULT_REPLAY_WINDOW,
  ) {
    // Nothing stored from this source yet: there is nothing to have missed.
    this.settled = lastStoredMs === null;
  }

  get done(): boolean {
    return this.settled;
  }

  observe(identity: bigint, timeMs: number, nowMs: number): SourceGap | null {
    if (this.settled) return null;
    this.firstSeenAt ??= nowMs;
    this.seen++;
    if (timeMs < this.oldestMs) this.oldestMs = timeMs;
    if (this.storedBefore(identity)) {
      this.settled = true;
      return null;
    }
    return this.seen >= this.options.windowEntries ? this.verdict() : null;
  }

  /** Called now and then: a replay shorter than the window is judged once the window's time is over. */
  tick(nowMs: number): SourceGap | null {
    if (this.settled || this.firstSeenAt === null) return null;
    return nowMs - this.firstSeenAt >= this.options.windowMs ? this.verdict() : null;
  }

  private verdict(): SourceGap | null {
    this.settled = true;
    const from = this.lastStoredMs;
    if (from === null || this.oldestMs - from <= this.options.minGapMs) return null;
    return {
      fromMs: from,
      toMs: this.oldestMs,
      reason: `${this.why}; its replay did not reach back to the last stored entry: up to ${formatSeconds(this.oldestMs - from)} of entries may be missing`,
    };
  }
}
