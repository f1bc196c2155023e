import type { LogEntry } from '../entry.ts';
import type { EventData, EventType } from './event.ts';
import type { Signal } from './signal.ts';
import type { EventRecord, JoinServices, JoinSink, StreamRecord } from './join-records.ts';

/** "Within 2 s" is inclusive, at the precision the format carries (spec/metrics.md § Joining). */
const PAIR_MS = 2000;
/** A failure naming a stream opened this recently turns that open into the failure. */
const FAIL_TAKES_OPEN_MS = 5000;
/**
 * How long an unclosed stream is kept for a late close. The backend sweeps streams older than 5 minutes;
 * past this the stream is long stale and a close of its id is treated as an orphan.
 */
export const OPEN_STREAM_MEMORY_MS = 30 * 60_000;
/** Small reorderings around `fly logs`' poll/stream switch: pairing memory outlives the pairing window by this. */
const REORDER_SLACK_MS = 10_000;

interface RecentOpen { streamId: number; connectionId: string; instance: string; timeMs: number; via: string; merged: boolean }
interface RecentClose { stream: StreamRecord; instance: string; timeMs: number; via: string; merged: boolean }
/** Saved with each batch, so it holds no text: the event's id and what pairing needs. */
interface PendingViolation { eventId: number; instance: string; timeMs: number; via: string; paired: boolean }

/** What the joiner must remember between batches, saved with each batch (open streams live in the store). */
export interface JoinerState {
  nextEventId: number;
  nextStreamId: number;
  recentOpens: RecentOpen[];
  recentCloses: RecentClose[];
  pendingViolations: PendingViolation[];
}

export function emptyJoinerState(nextEventId = 1, nextStreamId = 1): JoinerState {
  return { nextEventId, nextStreamId, recentOpens: [], recentCloses: [], pendingViolations: [] };
}

export interface JoinInput {
  entry: LogEntry;
  entryId: number;
  signal: Signal;
}

/**
 * Turns signals into events and streams by the joining rules of spec/metrics.md, in arrival order: the text and
 * audit lines of one open are one open, an id seen before opens a reconnect, a close closes the oldest open
 * stream of its id, a failure takes a just-opened stream, and a warn line and its audit line are one violation.
 */
export class Joiner {
  private readonly open = new Map<string, StreamRecord[]>();

  constructor(
    private readonly state: JoinerState,
    openStreams: readonly StreamRecord[],
    private readonly services: JoinServices,
  ) {
    for (const s of openStreams) this.remember(s);
  }

  snapshot(): JoinerState {
    return this.state;
  }

  join(input: JoinInput, sink: JoinSink): number {
    const { signal } = input;
    this.prune(input.entry.timeMs);
    switch (signal.kind) {
      case 'open':
        return this.onOpen(input, signal, sink);
      case 'first-token':
        return this.onFirstToken(input, signal, sink);
      case 'close':
        return this.onClose(input, signal, sink);
      case 'fail':
        return this.onFail(input, signal, sink);
      case 'stream-error':
        this.emit(input, 'stream.error', null, {}, sink);
        return 1;
      case 'ratelimit':
        return this.onRateLimit(input, signal, sink);
      case 'auth': {
        const key = signal.userId !== null ? this.services.viewKey(`user:${signal.userId}`) : null;
        this.emit(input, signal.operation as EventType, null, { success: signal.success }, sink, key);
        return 1;
      }
      case 'platform':
        this.emit(input, signal.type, null, { code: signal.code }, sink);
        return 1;
    }
  }

  private onOpen(input: JoinInput, s: Extract<Signal, { kind: 'open' }>, sink: JoinSink): number {
    const t = input.entry.timeMs;
    const instance = input.entry.instance;
    const partner = this.state.recentOpens.find(
      (r) => !r.merged && r.connectionId === s.connectionId && r.instance === instance && r.via !== s.via && Math.abs(r.timeMs - t) <= PAIR_MS,
    );
    if (partner) {
      partner.merged = true;
      const stream = this.findOpen(s.connectionId, partner.streamId);
      if (stream && s.via === 'audit') {
        this.applyAuditOpen(stream, s);
        sink.saveStream(stream);
      }
      return 0;
    }
    const reconnect = this.services.seenBefore(s.connectionId);
    const key = s.userId !== null ? this.services.viewKey(`user:${s.userId}`) : null;
    const stream: StreamRecord = {
      id: this.state.nextStreamId++,
      connectionId: s.connectionId,
      instance,
      openMs: t,
      reconnect,
      failed: false,
      failMs: null,
      closeMs: null,
      closeVia: null,
      firstTokenMs: null,
      firstTokenAt: null,
      firstTokenFromAudit: false,
      durationMs: null,
      tokens: null,
      interTokenMs: null,
      queryHashOk: null,
      test: false,
      keyFingerprint: null,
      openEventId: null,
    };
    if (s.via === 'audit') this.applyAuditOpen(stream, s);
    const event = this.emit(input, reconnect ? 'stream.reconnect' : 'stream.open', s.connectionId, { reconnect }, sink, key);
    stream.openEventId = event.id;
    this.remember(stream);
    sink.saveStream(stream);
    this.state.recentOpens.push({ streamId: stream.id, connectionId: s.connectionId, instance, timeMs: t, via: s.via, merged: false });
    return 1;
  }

  private applyAuditOpen(stream: StreamRecord, s: Extract<Signal, { kind: 'open' }>): void {
    stream.queryHashOk = s.queryHash !== null && /^[0-9a-f]{16}$/.test(s.queryHash);
    if (s.userId !== null) {
      const key = this.services.viewKey(`user:${s.userId}`);
      stream.keyFingerprint = key.fingerprint;
      stream.test = key.test;
    }
  }

  private onFirstToken(input: JoinInput, s: Extract<Signal, { kind: 'first-token' }>, sink: JoinSink): number {
    const streams = this.open.get(s.connectionId);
    // The newest open stream without a sample yet: with an overlapping reconnect, the new stream is the talker.
    const stream = streams ? [...streams].reverse().find((x) => x.firstTokenMs === null) ?? streams[streams.length - 1] : undefined;
    if (stream && !stream.firstTokenFromAudit) {
      stream.firstTokenMs = s.ms;
      stream.firstTokenAt = input.entry.timeMs;
      sink.saveStream(stream);
    }
    this.emit(input, 'stream.first-token', s.connectionId, { ms: s.ms }, sink);
    return 1;
  }

  private onClose(input: JoinInput, s: Extract<Signal, { kind: 'close' }>, sink: JoinSink): number {
    const t = input.entry.timeMs;
    const instance = input.entry.instance;
    const partner = this.state.recentCloses.find(
      (r) => !r.merged && r.stream.connectionId === s.connectionId && r.instance === instance && reportSameClose(r.via, s.via) && Math.abs(r.timeMs - t) <= PAIR_MS,
    );
    if (partner) {
      partner.merged = true;
      this.applyClose(partner.stream, s, t);
      sink.saveStream(partner.stream);
      return 0;
    }
    const streams = this.open.get(s.connectionId);
    let stream = streams?.[0];
    if (stream) {
      this.forget(stream);
    } else {
      // Its open came before the logs did: still a close, and its figures still count.
      stream = {
        id: this.state.nextStreamId++, connectionId: s.connectionId, instance, openMs: null, reconnect: false, failed: false,
        failMs: null, closeMs: null, closeVia: null, firstTokenMs: null, firstTokenAt: null, firstTokenFromAudit: false,
        durationMs: null, tokens: null, interTokenMs: null, queryHashOk: null, test: false, keyFingerprint: null, openEventId: null,
      };
    }
    stream.closeMs = t;
    stream.closeVia = s.via;
    this.applyClose(stream, s, t);
    sink.saveStream(stream);
    this.state.recentCloses.push({ stream, instance, timeMs: t, via: s.via, merged: false });
    const data: EventData = { via: s.via, durationMs: s.durationMs, tokens: s.tokens, firstTokenMs: s.firstTokenMs };
    this.emit(input, 'stream.close', s.connectionId, data, sink);
    return 1;
  }

  private applyClose(stream: StreamRecord, s: Extract<Signal, { kind: 'close' }>, t: number): void {
    if (s.durationMs !== null && (stream.durationMs === null || s.via === 'audit')) stream.durationMs = s.durationMs;
    if (s.tokens !== null && (stream.tokens === null || s.via === 'audit')) stream.tokens = s.tokens;
    if (s.firstTokenMs !== null) {
      // metadata.firstTokenLatency wins over the text line, and its sample belongs to the close's time.
      stream.firstTokenMs = s.firstTokenMs;
      stream.firstTokenAt = t;
      stream.firstTokenFromAudit = true;
    }
    const { firstTokenMs, durationMs, tokens } = stream;
    stream.interTokenMs =
      firstTokenMs !== null && durationMs !== null && tokens !== null && tokens >= 2 ? (durationMs - firstTokenMs) / (tokens - 1) : null;
  }

  private onFail(input: JoinInput, s: Extract<Signal, { kind: 'fail' }>, sink: JoinSink): number {
    const t = input.entry.timeMs;
    if (s.connectionId !== null) {
      const stream = this.open
        .get(s.connectionId)
        ?.find((x) => x.openMs !== null && t - x.openMs <= FAIL_TAKES_OPEN_MS && t >= x.openMs - PAIR_MS);
      if (stream) {
        stream.failed = true;
        stream.failMs = t;
        this.forget(stream);
        sink.saveStream(stream);
      }
    }
    const key = s.userId !== null ? this.services.viewKey(`user:${s.userId}`) : null;
    this.emit(input, 'stream.fail', s.connectionId, { error: s.error }, sink, key);
    return 1;
  }

  private onRateLimit(input: JoinInput, s: Extract<Signal, { kind: 'ratelimit' }>, sink: JoinSink): number {
    const t = input.entry.timeMs;
    const instance = input.entry.instance;
    const key = s.key !== null ? this.services.viewKey(s.key) : null;
    if (s.via !== 'global') {
      const partner = this.state.pendingViolations.find(
        (p) => !p.paired && p.via !== 'global' && p.via !== s.via && p.instance === instance && Math.abs(p.timeMs - t) <= PAIR_MS,
      );
      if (partner) {
        partner.paired = true;
        // The key comes from the warn line.
        if (s.via === 'warn' && key !== null) sink.updateEventKey(partner.eventId, key);
        return 0;
      }
    }
    const event = this.emit(input, 'ratelimit.violation', null, { via: s.via }, sink, key);
    this.state.pendingViolations.push({ eventId: event.id, instance, timeMs: t, via: s.via, paired: false });
    return 1;
  }

  private emit(
    input: JoinInput,
    type: EventType,
    connectionId: string | null,
    data: EventData,
    sink: JoinSink,
    key: { fingerprint: string; display: string; test: boolean } | null = null,
  ): EventRecord {
    const { entry } = input;
    const event: EventRecord = {
      id: this.state.nextEventId++,
      timeMs: entry.timeMs,
      time: entry.time,
      type,
      level: entry.level,
      instance: entry.instance,
      connectionId,
      keyFingerprint: key?.fingerprint ?? null,
      keyDisplay: key?.display ?? null,
      test: key?.test ?? false,
      data,
      entryId: input.entryId,
    };
    sink.insertEvent(event);
    return event;
  }

  private findOpen(connectionId: string, streamId: number): StreamRecord | undefined {
    return this.open.get(connectionId)?.find((s) => s.id === streamId);
  }

  private remember(stream: StreamRecord): void {
    const list = this.open.get(stream.connectionId);
    if (list) list.push(stream);
    else this.open.set(stream.connectionId, [stream]);
  }

  private forget(stream: StreamRecord): void {
    const list = this.open.get(stream.connectionId);
    if (!list) return;
    const i = list.indexOf(stream);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.open.delete(stream.connectionId);
  }

  private lastPrune = -Infinity;
  private lastStalePrune = -Infinity;

  private prune(now: number): void {
    if (now - this.lastPrune < 1000) return;
    this.lastPrune = now;
    const horizon = now - PAIR_MS - REORDER_SLACK_MS;
    const st = this.state;
    // Copied only when something in them has aged out: this runs every second of log time.
    st.recentOpens = keptOrSame(st.recentOpens, isRecent, horizon);
    st.recentCloses = keptOrSame(st.recentCloses, isRecent, horizon);
    st.pendingViolations = keptOrSame(st.pendingViolations, isRecent, horizon);
    // Forgetting long-stale streams can wait a minute: with thousands of streams left open by dropped clients,
    // walking them every second of log time cost more than the joining.
    if (now - this.lastStalePrune < 60_000) return;
    this.lastStalePrune = now;
    const staleHorizon = now - OPEN_STREAM_MEMORY_MS;
    // Most lists hold nothing stale: they are read, not copied. (A Map may lose or change entries while iterated.)
    for (const [id, list] of this.open) {
      const kept = keptOrSame(list, isFresh, staleHorizon);
      if (kept.length === 0) this.open.delete(id);
      else if (kept !== list) this.open.set(id, kept);
    }
  }
}

/** The items `keep` keeps against `horizon`: the list itself when it keeps them all, so most prunes copy nothing. */
function keptOrSame<T>(list: T[], keep: (item: T, horizon: number) => boolean, horizon: number): T[] {
  let dropped = 0;
  for (let i = 0; i < list.length; i++) if (!keep(list[i] as T, horizon)) dropped++;
  if (dropped === 0) return list;
  const kept: T[] = [];
  for (let i = 0; i < list.length; i++) if (keep(list[i] as T, horizon)) kept.push(list[i] as T);
  return kept;
}

function isRecent(record: { timeMs: number }, horizon: number): boolean {
  return record.timeMs >= horizon;
}

/** Opened at or after `horizon`, or of unknown opening. */
function isFresh(stream: { openMs: number | null }, horizon: number): boolean {
  return stream.openMs === null || stream.openMs >= horizon;
}

/**
 * Two close lines of one id within 2 s that report one stream's end: the audit close and any text close, and the
 * stale sweep with the disconnect it causes. A disconnect and a completion are two streams ending (the dropped
 * client's, then its reconnected stream's).
 */
function reportSameClose(a: string, b: string): boolean {
  if (a === b) return false;
  if (a === 'audit' || b === 'audit') return true;
  return (a === 'stale' && b === 'disconnect') || (a === 'disconnect' && b === 'stale');
}
