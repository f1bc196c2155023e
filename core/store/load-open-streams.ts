import type { Db } from './open-database.ts';
import type { StreamRecord } from '../events/join-records.ts';

interface StreamRow {
  id: number; connection_id: string; instance: string; open_ms: number | null; reconnect: number; failed: number; fail_ms: number | null;
  close_ms: number | null; close_via: string | null; first_token_ms: number | null; first_token_at: number | null; first_token_from_audit: number;
  duration_ms: number | null; tokens: number | null; inter_token_ms: number | null; query_hash_ok: number | null; test: number;
  key_fp: string | null; open_event_id: number | null;
}

/** The streams still open since `sinceMs`, oldest first: what the joiner needs back after a restart. */
export function loadOpenStreams(db: Db, sinceMs: number): StreamRecord[] {
  const rows = db
    .prepare<[number], StreamRow>('SELECT * FROM streams WHERE close_ms IS NULL AND failed = 0 AND open_ms >= ? ORDER BY open_ms, id')
    .all(sinceMs);
  return rows.map((r) => ({
    id: r.id,
    connectionId: r.connection_id,
    instance: r.instance,
    openMs: r.open_ms,
    reconnect: r.reconnect === 1,
    failed: r.failed === 1,
    failMs: r.fail_ms,
    closeMs: r.close_ms,
    closeVia: r.close_via,
    firstTokenMs: r.first_token_ms,
    firstTokenAt: r.first_token_at,
    firstTokenFromAudit: r.first_token_from_audit === 1,
    durationMs: r.duration_ms,
    tokens: r.tokens,
    interTokenMs: r.inter_token_ms,
    queryHashOk: r.query_hash_ok === null ? null : r.query_hash_ok === 1,
    test: r.test === 1,
    keyFingerprint: r.key_fp,
    openEventId: r.open_event_id,
  }));
}
