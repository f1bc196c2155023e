/** Axis and tooltip numbers for the live charts, and the text said in place of each chart. */
import type { ChartKey, ChartRow } from './chart-rows.ts';

export function formatMs(value: number): string {
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} ms`;
}

export function formatPercent(value: number): string {
  const percent = value * 100;
  return `${Number(percent.toFixed(percent < 10 ? 1 : 0))} %`;
}

export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "Latest bucket: p50 87 ms, p95 130 ms." from the last row that has any of the values. */
export function latestSummary(rows: readonly ChartRow[], parts: ReadonlyArray<{ key: ChartKey; name: string }>, format: (value: number) => string): string {
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index]!;
    const values = parts.filter((part) => row[part.key] !== null).map((part) => `${part.name} ${format(row[part.key] as number)}`);
    if (values.length > 0) return `Latest bucket: ${values.join(', ')}.`;
  }
  return 'No data in this window.';
}
