import type { CliContext } from './cli-context.ts';
import { UsageError } from './cli-context.ts';
import { parseTimeSpec } from '../core/time-spec.ts';

/** `--from`/`--to` as epoch ms (null when absent); a time that does not parse is bad usage. */
export function windowFrom(from: string | undefined, to: string | undefined, ctx: CliContext): { fromMs: number | null; toMs: number | null } {
  const now = ctx.now();
  const parse = (flag: string, v: string | undefined): number | null => {
    if (v === undefined) return null;
    const ms = parseTimeSpec(v, now);
    if (ms === null) throw new UsageError(`${flag} ${JSON.stringify(v)} is not a time: use ISO-8601 (2026-11-20T09:00:00Z) or a relative time (-1h, -15m)`);
    return ms;
  };
  const fromMs = parse('--from', from);
  const toMs = parse('--to', to);
  if (fromMs !== null && toMs !== null && fromMs >= toMs) throw new UsageError('--from must be before --to');
  return { fromMs, toMs };
}
