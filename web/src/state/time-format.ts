/**
 * Times as people read them: local time by default, UTC when asked (the `utc=1` toggle).
 */
import { format } from 'date-fns';

const FULL = 'yyyy-MM-dd HH:mm:ss';

/**
 * date-fns reads a date through its local getters. Shifting the instant by the zone offset goes wrong around
 * daylight-saving changes (the shifted instant may have another offset), so the UTC clock is a date whose
 * local getters are the UTC ones, as @date-fns/utc does; date-fns builds its copies with the same constructor.
 */
class UtcClockDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getDay(): number { return this.getUTCDay(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
  override getMilliseconds(): number { return this.getUTCMilliseconds(); }
  override getTimezoneOffset(): number { return 0; }
}

function displayDate(ms: number, utc: boolean): Date {
  return utc ? new UtcClockDate(ms) : new Date(ms);
}

function toMs(value: string | number | null): number | null {
  if (value === null) return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** `2025-03-10 14:30:12`, or `—` for a missing or unreadable time. */
export function formatInstant(value: string | number | null, utc: boolean, pattern: string = FULL): string {
  const ms = toMs(value);
  return ms === null ? '—' : format(displayDate(ms, utc), pattern);
}

/** Axis ticks: the time of day for windows up to a day, the date as well beyond. */
export function formatAxisTime(ms: number, utc: boolean, spanMs: number): string {
  return formatInstant(ms, utc, spanMs > 24 * 3_600_000 ? 'MMM d HH:mm' : 'HH:mm');
}

export function clockName(utc: boolean): string {
  return utc ? 'UTC' : 'local time';
}

/** `45 s`, `12 min`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** The value of an `<input type="datetime-local">` showing this instant on the chosen clock. */
export function toInputValue(ms: number, utc: boolean): string {
  return format(displayDate(ms, utc), "yyyy-MM-dd'T'HH:mm");
}

/** The instant an `<input type="datetime-local">` value means on the chosen clock; null when incomplete. */
export function fromInputValue(value: string, utc: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const ms = utc
    ? Date.UTC(year!, month! - 1, day, hour, minute, second)
    : new Date(year!, month! - 1, day, hour, minute, second).getTime();
  return Number.isFinite(ms) ? ms : null;
}
