import type { SourceState, SourceStatus } from '../../core/api.ts';

/** A source's status, told to whoever listens each time it really changes. */
export class SourceStatusKeeper {
  private current: SourceStatus;
  private listener: ((status: SourceStatus) => void) | null = null;

  constructor(kind: string, target: string) {
    this.current = { kind, target, state: 'starting', reason: null, restarts: 0, lastRestartAt: null, lastEntryAt: null };
  }

  listen(listener: (status: SourceStatus) => void): void {
    this.listener = listener;
  }

  get(): SourceStatus {
    return { ...this.current };
  }

  /** `reason` left out keeps the last one: a running source still says why it last restarted. */
  set(state: SourceState, reason?: string | null): void {
    const next = reason === undefined ? this.current.reason : reason;
    if (this.current.state === state && this.current.reason === next) return;
    this.current = { ...this.current, state, reason: next };
    this.listener?.(this.get());
  }

  /** The source starts over after a failure: counted, with the time. */
  restarted(nowMs: number): void {
    this.current = { ...this.current, restarts: this.current.restarts + 1, lastRestartAt: new Date(nowMs).toISOString() };
    this.listener?.(this.get());
  }
}
