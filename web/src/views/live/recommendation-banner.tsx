/**
 * The test plan's verdict for the window. The report carries it (core/metrics/recommendation.ts decides it for
 * the Markdown export and the page alike), so the two never disagree.
 */
import type { Recommendation, Verdict } from '../../../../core/report.ts';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ready: 'Ready for production rollout',
  'needs-fixes': 'Needs fixes before production',
  'roll-back': 'Rollback recommended',
};

export function RecommendationBanner({ recommendation }: { recommendation: Recommendation | undefined }) {
  if (recommendation === undefined) return null;
  const { verdict, reasons } = recommendation;
  return (
    <section className={`recommendation verdict-${verdict}`} data-testid="recommendation" data-verdict={verdict} aria-label="Recommendation">
      <strong>{VERDICT_LABEL[verdict]}</strong>
      {reasons.length > 0 ? <span>: {reasons.join('; ')}</span> : null}
    </section>
  );
}
