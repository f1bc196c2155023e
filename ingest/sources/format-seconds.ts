/** A duration as a person reads it in a status: `0.3 s`, `2.5 s`, `120 s`. */
export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms / 1000)} s`;
}
