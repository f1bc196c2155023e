import type { TargetResult } from '../report.ts';

/** Figures as people read them in the exports: fractions as percents, milliseconds rounded. Never log text. */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'n/a';
  return `${Math.abs(ms) >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return 'n/a';
  const p = fraction * 100;
  return `${p === 0 || p === 100 ? p.toFixed(0) : p.toFixed(2)} %`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatTargetValue(t: Pick<TargetResult, 'unit' | 'actual'>): string {
  if (t.actual === null) return 'n/a';
  switch (t.unit) {
    case 'ms':
      return formatMs(t.actual);
    case 'fraction':
      return formatPercent(t.actual);
    case 'per-hour':
      return `${t.actual.toFixed(1)} / hour`;
    case 'entries':
      return `${formatCount(t.actual)} entries`;
  }
}
