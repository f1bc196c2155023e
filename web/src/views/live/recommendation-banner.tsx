/** The test plan's verdict for the window, from its targets and the open high-severity findings. */
import { useEffect } from 'react';
import type { FindingPage } from '../../../../core/findings/finding.ts';
import type { TargetResult } from '../../../../core/report.ts';
import { useLive } from '../../app/hooks.ts';
import { findingsPath, type WindowQuery } from '../../api/query.ts';
import { useResource } from '../../api/use-resource.ts';
import { recommend, VERDICT_LABEL } from './recommendation.ts';

export function RecommendationBanner({ targets, window }: { targets: readonly TargetResult[]; window: WindowQuery }) {
  const open = useResource<FindingPage>(findingsPath({ severity: 'high', status: 'open' }, window, null, 100));
  // A finding pushed on the socket may be a new open high one: ask again when one arrives.
  const findingCount = useLive((data) => data.findingCount);
  const { reload } = open;
  useEffect(() => {
    if (findingCount > 0) reload();
  }, [findingCount, reload]);

  if (open.data === null && open.loading) {
    return (
      <section className="recommendation" data-testid="recommendation" data-verdict="pending" aria-label="Recommendation">
        Checking open findings…
      </section>
    );
  }
  const { verdict, reasons } = recommend(targets, open.data === null ? null : open.data.items.length);
  return (
    <section className={`recommendation verdict-${verdict}`} data-testid="recommendation" data-verdict={verdict} aria-label="Recommendation">
      <strong>{VERDICT_LABEL[verdict]}</strong>
      {reasons.length > 0 ? <span>: {reasons.join('; ')}</span> : null}
    </section>
  );
}
