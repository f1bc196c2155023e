/**
 * A time as users type it: ISO-8601 (`2026-11-20T09:00:00Z`, a date, or a time with an offset) or relative to now
 * (`-1h`, `-15m`, `-30s`, `-7d`, `now`). Returns epoch ms, or null when the text is neither.
 */
export function parseTimeSpec(text: string, nowMs: number): number | null {
  const t = text.trim();
  if (t === 'now') return nowMs;
  const rel = /^-(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(t);
  if (rel) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[rel[2] as 'ms' | 's' | 'm' | 'h' | 'd' | 'w'];
    return nowMs - Number(rel[1]) * unit;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  // A date or time without a zone is read as UTC, as Fly prints its times.
  const withZone = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(t) || !t.includes('T') ? t : `${t}Z`;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? ms : null;
}
