/**
 * Reading one WebSocket frame as a LiveMessage (core/api.ts). Frames of unknown type are skipped rather than
 * fatal: the server may add message types (interfaces only grow), and an old page must keep working.
 */
import type { LiveMessage } from '../../../core/api.ts';

const REQUIRED_FIELD: Readonly<Record<LiveMessage['type'], string>> = {
  snapshot: 'report',
  event: 'event',
  finding: 'finding',
  metrics: 'report',
  status: 'health',
};

export function parseLiveMessage(frame: unknown): LiveMessage | null {
  if (typeof frame !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(REQUIRED_FIELD, type)) return null;
  const field = REQUIRED_FIELD[type as LiveMessage['type']];
  const payload = (value as Record<string, unknown>)[field];
  if (typeof payload !== 'object' || payload === null) return null;
  if (type === 'snapshot' && !Array.isArray((value as { events?: unknown }).events)) return null;
  return value as LiveMessage;
}
