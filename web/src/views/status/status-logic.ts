/** Words for the service's health: sizes, lag and the source's state. */
import type { SourceState } from '../../../../core/api.ts';

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Lag is how far the newest stored entry is behind now; a quiet app also lags, so it is a hint, not a fault. */
export function describeLag(lagSeconds: number | null): string {
  if (lagSeconds === null) return 'no entry read yet';
  if (lagSeconds < 1) return 'under a second behind';
  if (lagSeconds < 120) return `${Math.round(lagSeconds)} s behind`;
  if (lagSeconds < 7200) return `${Math.round(lagSeconds / 60)} min behind`;
  return `${Math.round(lagSeconds / 3600)} h behind`;
}

export function sourceHealthy(state: SourceState): boolean {
  return state === 'running' || state === 'starting' || state === 'finished';
}
