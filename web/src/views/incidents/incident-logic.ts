/** Ordering, windows and figures of incidents for the incidents view. */
import type { Incident } from '../../../../core/report.ts';
import type { WindowQuery } from '../../api/query.ts';

/** Context shown around an incident on its timeline. */
export const TIMELINE_MARGIN_MS = 60_000;

export function newestFirst(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort((a, b) => Date.parse(b.from) - Date.parse(a.from) || a.id.localeCompare(b.id));
}

/** The incident's own window, for its exports. */
export function incidentWindow(incident: Incident): WindowQuery {
  return { from: incident.from, to: incident.to };
}

/** The incident's window with a minute either side, for its timeline of events. */
export function timelineWindow(incident: Incident): WindowQuery | null {
  const from = Date.parse(incident.from);
  const to = Date.parse(incident.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return { from: new Date(from - TIMELINE_MARGIN_MS).toISOString(), to: new Date(to + TIMELINE_MARGIN_MS).toISOString() };
}

export function incidentDurationMs(incident: Incident): number | null {
  const span = Date.parse(incident.to) - Date.parse(incident.from);
  return Number.isFinite(span) && span >= 0 ? span : null;
}

/** Figure names as words (`errorRate` → `error rate`), values as text; fractions are the server's to label. */
export function figureRows(figures: Incident['figures']): Array<[string, string]> {
  return Object.entries(figures).map(([name, value]) => [
    name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase(),
    value === null ? '—' : typeof value === 'number' ? String(Number(value.toFixed(4))) : value,
  ]);
}
