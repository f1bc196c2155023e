import type { Recommendation, Report, TargetId, TargetResult, Verdict } from '../report.ts';
import { formatTargetValue } from './figure-text.ts';

/**
 * The test plan's verdict (spec/interfaces.md § Markdown export): ready when every judgeable target passes and no
 * `high` finding is open; roll back when one is open or the error rate is over five times its target; otherwise
 * needs fixes, naming what failed. Two readings of ours: a window where no target can be judged is not ready
 * (nothing was shown to work), and the error rate only forces a roll back when it is judgeable (≥ 20 attempts).
 */
export type { Verdict, Recommendation } from '../report.ts';

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  ready: 'Ready for production rollout',
  'needs-fixes': 'Needs fixes before production',
  'roll-back': 'Rollback recommended',
};

export const TARGET_NAMES: Readonly<Record<TargetId, string>> = {
  'first-token-avg': 'First token latency (average)',
  'inter-token-avg': 'Inter-token latency (average, estimated)',
  'error-rate': 'Error rate',
  'connection-success': 'Connection success rate',
  'rate-limit-per-hour': 'Rate limit violations per hour (test traffic excluded)',
  'gdpr-plaintext': 'Entries with a plaintext query (GDPR)',
};

export const ROLL_BACK_ERROR_FACTOR = 5;

export function recommend(report: Pick<Report, 'targets' | 'gdpr'>): Recommendation {
  const rollBack: string[] = [];
  const openHigh = report.gdpr.openHigh;
  if (openHigh !== undefined && openHigh > 0) {
    rollBack.push(`${openHigh} high-severity GDPR finding${openHigh === 1 ? ' is' : 's are'} open`);
  }
  const errorRate = report.targets.find((t) => t.id === 'error-rate');
  if (errorRate && errorRate.pass !== null && errorRate.actual !== null && errorRate.actual > ROLL_BACK_ERROR_FACTOR * errorRate.threshold) {
    rollBack.push(`the error rate (${formatTargetValue(errorRate)}) is over ${ROLL_BACK_ERROR_FACTOR} times its target (${errorRate.target})`);
  }
  if (rollBack.length > 0) return { verdict: 'roll-back', reasons: rollBack };

  const failed = report.targets.filter((t) => t.pass === false).map(failure);
  const caveat = openHigh === undefined ? ['open high-severity findings could not be checked'] : [];
  if (failed.length > 0) return { verdict: 'needs-fixes', reasons: [...failed, ...caveat] };
  if (!report.targets.some((t) => t.pass !== null)) {
    return { verdict: 'needs-fixes', reasons: ['no target could be judged from the logs of this window: run the test plan, then report on its window', ...caveat] };
  }
  return { verdict: 'ready', reasons: caveat };
}

function failure(t: TargetResult): string {
  return `${TARGET_NAMES[t.id]} failed: ${formatTargetValue(t)} (target ${t.target})`;
}
