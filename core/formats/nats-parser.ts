import type { LogEntry } from '../entry.ts';
import { objectField, stringField, type JsonObject } from '../json-object.ts';
import { parseTimestamp } from './timestamp.ts';

/**
 * One message of Fly's NATS log stream (what fly-log-shipper reads):
 * `{"event":{"provider"},"fly":{"app":{"instance","name"},"region"},"host","log":{"level"},"message","timestamp"}`.
 * Null when it is not such a message (no readable timestamp, or a message that is not text).
 */
export function natsEntry(value: JsonObject, _text: string, lines: number): LogEntry | null {
  const time = parseTimestamp(stringField(value, 'timestamp') ?? '');
  if (time === null) return null;
  const message = value['message'];
  if (message !== undefined && typeof message !== 'string') return null;
  const fly = objectField(value, 'fly');
  return {
    time: time.time,
    timeMs: time.timeMs,
    precision: 'subsecond',
    instance: stringField(objectField(fly, 'app'), 'instance') ?? '',
    provider: stringField(objectField(value, 'event'), 'provider') ?? '',
    region: stringField(fly, 'region') ?? '',
    level: stringField(objectField(value, 'log'), 'level') ?? '',
    message: message ?? '',
    format: 'nats',
    unparsed: false,
    lines,
  };
}
