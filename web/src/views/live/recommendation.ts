/**
 * The test plan's verdict, as the Markdown export words it (spec/interfaces.md): ready when every judgeable
 * target passes and no `high` finding is open; roll back when one is open or the error rate is over five times
 * its target; otherwise needs fixes, naming what failed.
 */
import type { TargetResult } from '../../../../core/report.ts';
import { targetName } from './target-status.ts';

export type Verdict = 'ready' | 'needs-fixes' | 'roll-back';

export interface Recommendation {
  verdict: Verdict;
  reasons: string[];
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ready: 'Ready for production rollout',
  'needs-fixes': 'Needs fixes before production',
  'roll-back': 'Rollback recommended',
};

/** `openHighFindings` is null when it could not be checked; the verdict then says so. */
export function recommend(targets: readonly TargetResult[], openHighFindings: number | null): Recommendation {
  const rollBack: string[] = [];
  if (openHighFindings !== null && openHighFindings > 0) {
    rollBack.push(`${openHighFindings} high-severity finding${openHighFindings === 1 ? ' is' : 's are'} open`);
  }
  const errorRate = targets.find((result) => result.id === 'error-rate');
  if (errorRate && errorRate.actual !== null && errorRate.actual > 5 * errorRate.threshold) {
    rollBack.push('the error rate is over five times its target');
  }
  if (rollBack.length > 0) return { verdict: 'roll-back', reasons: rollBack };

  const failed = targets.filter((result) => result.pass === false).map((result) => `${targetName(result.id)} failed`);
  const caveats = openHighFindings === null ? ['open high-severity findings could not be checked'] : [];
  if (failed.length > 0) return { verdict: 'needs-fixes', reasons: [...failed, ...caveats] };
  return { verdict: 'ready', reasons: caveats };
}
