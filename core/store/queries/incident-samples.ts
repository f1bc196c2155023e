import type { Store } from '../store.ts';
import { prepared } from './prepared.ts';
import type { DetectedIncident } from '../../metrics/incidents.ts';

export const SAMPLES_PER_INCIDENT = 3;
export const SAMPLE_MAX_CHARS = 240;

interface SampleRow {
  id: number;
  time: string;
  provider: string;
  instance: string;
  message: string;
}

/** A few of the stored (redacted) lines behind an incident, as `fly logs` would print them, cut short. */
export function incidentSamples(store: Store, d: DetectedIncident): string[] {
  const db = store.db;
  const e = d.evidence;
  let rows: SampleRow[];
  if (e.from === 'events') {
    const types = e.types.map(() => '?').join(', ');
    const byKey = e.keyFingerprint === undefined ? '' : 'AND ev.key_fp = ?';
    rows = prepared<unknown[], SampleRow>(
      db,
      `SELECT en.id, en.time, en.provider, en.instance, en.message FROM events ev JOIN entries en ON en.id = ev.entry_id
       WHERE ev.type IN (${types}) AND ev.time_ms >= ? AND ev.time_ms < ? ${byKey} ORDER BY ev.time_ms, ev.id LIMIT ?`,
    )
      .all(...e.types, d.fromMs, d.toMs, ...(e.keyFingerprint === undefined ? [] : [e.keyFingerprint]), SAMPLES_PER_INCIDENT);
  } else {
    if (e.rules.length === 0) return [];
    const rules = e.rules.map(() => '?').join(', ');
    rows = prepared<unknown[], SampleRow>(
      db,
      `SELECT en.id, en.time, en.provider, en.instance, en.message FROM findings f JOIN entries en ON en.id = f.entry_id
       WHERE f.rule IN (${rules}) AND f.time_ms >= ? AND f.time_ms < ? ORDER BY f.time_ms, f.id LIMIT ?`,
    )
      .all(...e.rules, d.fromMs, d.toMs, SAMPLES_PER_INCIDENT * 4);
  }
  const seen = new Set<number>();
  const out: string[] = [];
  for (const r of rows) {
    if (seen.has(r.id) || out.length >= SAMPLES_PER_INCIDENT) continue;
    seen.add(r.id);
    out.push(sampleLine(r));
  }
  return out;
}

function sampleLine(r: SampleRow): string {
  const source = r.provider === '' && r.instance === '' ? '' : ` ${r.provider}[${r.instance}]`;
  const message = r.message.length > SAMPLE_MAX_CHARS ? `${r.message.slice(0, SAMPLE_MAX_CHARS)}…` : r.message;
  return `${r.time}${source} ${message}`;
}
