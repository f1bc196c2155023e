/**
 * A target tile's words: the measured value in the target's unit and PASS, FAIL or "not judgeable" with why.
 */
import type { TargetId, TargetResult } from '../../../../core/report.ts';

export const TARGET_NAME: Readonly<Record<TargetId, string>> = {
  'first-token-avg': 'First-token latency, average',
  'inter-token-avg': 'Inter-token latency, average (estimated)',
  'error-rate': 'Error rate',
  'connection-success': 'Connection success',
  'rate-limit-per-hour': '429 violations per hour (test traffic excluded)',
  'gdpr-plaintext': 'Entries with a plaintext query',
};

export type TileKind = 'pass' | 'fail' | 'unjudged';

export interface TileStatus {
  kind: TileKind;
  label: 'PASS' | 'FAIL' | 'not judgeable';
  detail: string;
}

function trimmed(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** `87 ms`, `1.3 %`, `4.2 / h`, `3 entries`; `—` when there is no value. */
export function formatMeasure(value: number | null, unit: TargetResult['unit']): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${trimmed(value, value < 10 ? 1 : 0)} ms`;
    case 'fraction': {
      const percent = value * 100;
      return `${trimmed(percent, percent < 1 ? 2 : 1)} %`;
    }
    case 'per-hour':
      return `${trimmed(value, 1)} / h`;
    case 'entries':
      return `${Math.round(value)} ${Math.round(value) === 1 ? 'entry' : 'entries'}`;
  }
}

export function tileStatus(result: TargetResult): TileStatus {
  if (result.pass === null) {
    return { kind: 'unjudged', label: 'not judgeable', detail: result.reason ?? 'The logs cannot judge this target.' };
  }
  const actual = formatMeasure(result.actual, result.unit);
  return result.pass
    ? { kind: 'pass', label: 'PASS', detail: `${actual} meets ${result.target}` }
    : { kind: 'fail', label: 'FAIL', detail: `${actual} misses ${result.target}` };
}

export function targetName(id: TargetId | string): string {
  return Object.hasOwn(TARGET_NAME, id) ? TARGET_NAME[id as TargetId] : id;
}
