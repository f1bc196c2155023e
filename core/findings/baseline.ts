/**
 * A baseline: the fingerprints of high findings a team has accepted (spec/interfaces.md), written by
 * `scan --write-baseline` as `{"version":1,"fingerprints":["…"]}`. Fingerprints are keyed with the secret, so a
 * baseline only means something where FLIGHT_RECORDER_SECRET is the same.
 */
export interface Baseline {
  version: 1;
  fingerprints: string[];
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/** What is wrong with a baseline text, said without quoting it. */
export class BaselineError extends Error {}

export function parseBaseline(text: string): Set<string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BaselineError('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BaselineError('not a JSON object');
  const { version, fingerprints } = value as { version?: unknown; fingerprints?: unknown };
  if (version !== 1) throw new BaselineError('version is not 1');
  if (!Array.isArray(fingerprints)) throw new BaselineError('fingerprints is not a list');
  const out = new Set<string>();
  for (const f of fingerprints) {
    if (typeof f !== 'string' || !FINGERPRINT.test(f)) throw new BaselineError('a fingerprint is not 64 lower-case hex characters');
    out.add(f);
  }
  return out;
}

export function formatBaseline(fingerprints: Iterable<string>): string {
  const baseline: Baseline = { version: 1, fingerprints: [...new Set(fingerprints)].sort() };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
