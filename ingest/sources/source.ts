import type { SourceStatus } from '../../core/api.ts';

/** Where a source can pick up again after a restart: plain JSON, meaningful only to the source that made it. */
export type SourcePosition = unknown;

/** What a source can give back after a restart of the service. */
export type SourceReplay =
  /** Reads on from a saved position (a file). */
  | 'position'
  /** Replays some recent history on every start (`fly logs`): the identity rule drops what is already stored. */
  | 'history'
  /** Live only (NATS, the simulator): whatever happened while it was down is gone. */
  | 'none';

export interface SourceRestart {
  /** Why the byte stream starts over: said in product words, never quoting input. */
  reason: string;
  /** Where the new stream starts (null for sources without positions). */
  position: SourcePosition;
}

export interface SourceGap {
  fromMs: number;
  toMs: number;
  reason: string;
}

/** Where a source delivers what it reads. Calls arrive in order, on the source's own schedule. */
export interface SourceSink {
  /**
   * Bytes in the order they were read. `positionAt(n)` names the position just after the first `n` bytes of this
   * chunk, so that the reader of the bytes can checkpoint at a record boundary inside it.
   */
  data(bytes: Buffer, positionAt: (consumed: number) => SourcePosition): void;
  /** The byte stream starts over (a new `fly logs` child, a rotated or truncated file): what came before is complete. */
  restart(restart: SourceRestart): void;
  /** Entries were certainly missed between these times. */
  gap(gap: SourceGap): void;
  /** The source's state changed. */
  status(status: SourceStatus): void;
}

/**
 * A source of log bytes: a `fly logs` child, Fly's NATS stream, a followed file, the simulator. It knows nothing
 * of formats; it only reads, says where it is, and says how it is doing.
 */
export interface LiveSource {
  readonly kind: string;
  readonly target: string;
  readonly replay: SourceReplay;
  start(sink: SourceSink, resumeFrom: SourcePosition | null): void;
  /** Stop reading for now (the store cannot take more). Sources that cannot hold back the producer keep pushing. */
  pause(): void;
  resume(): void;
  /** Stops reading and releases what it holds (child processes, watchers, connections). */
  stop(): Promise<void>;
  status(): SourceStatus;
}
