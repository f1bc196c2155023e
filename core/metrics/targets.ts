import type { Report, TargetResult } from '../report.ts';

/** Fewer attempts than this and a rate says more about luck than about the feature. */
export const MIN_ATTEMPTS = 20;

/** The plan's error-rate target as a fraction: incidents and the recommendation measure against it too. */
export const ERROR_RATE_TARGET = 0.01;

type Figures = Pick<Report, 'connections' | 'latency' | 'errors' | 'rateLimit' | 'gdpr' | 'entries'>;

export interface TargetOptions {
  /** Count the test plan's own 429s against the rate-limit target too. */
  includeTestTraffic?: boolean;
  /** Hours the window spans; null when it spans none. */
  hours: number | null;
}

/**
 * The six targets of the SSE staging test plan (spec/metrics.md § Targets). A rate needs at least 20 attempts
 * and an average at least 20 samples before it says anything about the feature rather than about luck.
 */
export function evaluateTargets(f: Figures, options: TargetOptions): TargetResult[] {
  const attempts = f.connections.attempts;
  const tooFew = attempts === 0 ? 'no stream attempts in the window' : attempts < MIN_ATTEMPTS ? `too few attempts to judge (${attempts} < ${MIN_ATTEMPTS})` : null;
  const violations = f.rateLimit.violations - (options.includeTestTraffic ? 0 : f.rateLimit.testTraffic);
  const noEntries = f.entries === 0 ? 'no log entries in the window' : null;
  const firstToken = f.latency.firstTokenMs.count;
  const interToken = f.latency.interTokenMs.count;
  return [
    judge('first-token-avg', '< 100 ms', '<', 100, 'ms', f.latency.firstTokenMs.avg,
      firstToken === 0 ? 'no first-token samples in the window'
        : firstToken < MIN_ATTEMPTS ? `too few first-token samples to judge (${firstToken} < ${MIN_ATTEMPTS})` : null),
    judge('inter-token-avg', '< 50 ms', '<', 50, 'ms', f.latency.interTokenMs.avg,
      interToken === 0 ? 'no inter-token estimates in the window (needs closed streams with ≥ 2 tokens)'
        : interToken < MIN_ATTEMPTS ? `too few inter-token estimates to judge (${interToken} < ${MIN_ATTEMPTS})` : null),
    judge('error-rate', '< 1 %', '<', ERROR_RATE_TARGET, 'fraction', f.errors.rate, tooFew),
    judge('connection-success', '> 95 %', '>', 0.95, 'fraction', f.connections.successRate, tooFew),
    judge('rate-limit-per-hour', '< 10 / hour', '<', 10, 'per-hour',
      options.hours !== null && options.hours > 0 ? violations / options.hours : null,
      noEntries ?? (options.hours === null || options.hours <= 0 ? 'the window spans no time' : null)),
    judge('gdpr-plaintext', '0 entries', '=', 0, 'entries', f.gdpr.byRule['plaintext-query'] ?? 0, noEntries),
  ];
}

function judge(
  id: TargetResult['id'], target: string, op: TargetResult['op'], threshold: number, unit: TargetResult['unit'],
  actual: number | null, cannot: string | null,
): TargetResult {
  if (cannot !== null || actual === null) {
    return { id, target, op, threshold, unit, actual, pass: null, reason: cannot ?? 'no data in the window' };
  }
  return { id, target, op, threshold, unit, actual, pass: compare(actual, op, threshold), reason: null };
}

function compare(actual: number, op: TargetResult['op'], threshold: number): boolean {
  switch (op) {
    case '<': return actual < threshold;
    case '>': return actual > threshold;
    case '<=': return actual <= threshold;
    case '>=': return actual >= threshold;
    case '=': return actual === threshold;
  }
}
