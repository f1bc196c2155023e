/** Suggestions for the events filters; the API takes any value, these are the ones the joiner makes. */
import type { EventType } from '../../../../core/events/event.ts';

export const KNOWN_EVENT_TYPES = [
  'stream.open',
  'stream.reconnect',
  'stream.close',
  'stream.fail',
  'stream.error',
  'stream.first-token',
  'ratelimit.violation',
  'auth.login',
  'auth.failed',
  'platform.machine-start',
  'platform.machine-exit',
  'platform.proxy-error',
  'platform.health-pass',
  'platform.health-fail',
] as const satisfies readonly EventType[];

export const KNOWN_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** `key=value` pairs of an event's data, in a stable order, for display as text. */
export function dataPairs(data: Readonly<Record<string, string | number | boolean | null>>): Array<[string, string]> {
  return Object.keys(data)
    .sort()
    .map((key) => [key, data[key] === null ? 'null' : String(data[key])]);
}
