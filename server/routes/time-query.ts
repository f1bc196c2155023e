import { parseTimeSpec } from '../../core/time-spec.ts';
import { HttpError } from '../plugins/api-error.ts';

/** `from`/`to` of a query as epoch ms: ISO-8601 or relative to now (`-1h`); null when absent. */
export function windowOfQuery(query: { from?: string; to?: string }, nowMs: number): { fromMs: number | null; toMs: number | null } {
  const parse = (name: 'from' | 'to'): number | null => {
    const v = query[name];
    if (v === undefined || v === '') return null;
    const ms = parseTimeSpec(v, nowMs);
    if (ms === null) throw new HttpError(400, 'bad-time', `${name} is not a time: use ISO-8601 (2026-11-20T09:00:00Z) or a relative time (-1h, -15m)`);
    return ms;
  };
  const fromMs = parse('from');
  const toMs = parse('to');
  if (fromMs !== null && toMs !== null && fromMs >= toMs) throw new HttpError(400, 'bad-time', 'from must be before to');
  return { fromMs, toMs };
}

/** The JSON-schema pieces every listing shares. */
export const TIME_PARAM = { type: 'string', maxLength: 64 } as const;
export const LIMIT_PARAM = { type: 'integer', minimum: 1, maximum: 500, default: 100 } as const;
export const CURSOR_PARAM = { type: 'string', maxLength: 64 } as const;
