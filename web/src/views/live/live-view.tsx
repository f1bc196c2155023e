/**
 * Live staging: is the SSE rollout meeting the test plan's targets, and what happened when it did not.
 */
import type { Report } from '../../../../core/report.ts';
import { useUrlState } from '../../app/hooks.ts';
import { useReport } from '../../live/use-report.ts';
import type { WindowQuery } from '../../api/query.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { ReportSourceNote } from '../../components/report-source-note.tsx';
import { TargetTiles } from './target-tiles.tsx';
import { Headline } from './headline.tsx';
import { LiveCharts } from './live-charts.tsx';
import { RecommendationBanner } from './recommendation-banner.tsx';
import { RecentEvents } from './recent-events.tsx';

export default function LiveView() {
  const { range, utc } = useUrlState();
  const view = useReport(range);
  const { report } = view;
  return (
    <section className="view" data-testid="view-live" aria-labelledby="view-live-title">
      <h2 id="view-live-title" className="view-title">
        Live staging
      </h2>
      {report !== null ? <ReportSourceNote source={view.source} report={report} /> : null}
      {view.error !== null ? <ErrorNote error={view.error} onRetry={view.reload} what="the report" /> : null}
      {report === null ? (
        view.loading ? <Loading what="the report" /> : view.error === null ? <Empty>No report yet.</Empty> : null
      ) : (
        <ReportBody report={report} window={view.window} utc={utc} />
      )}
    </section>
  );
}

function ReportBody({ report, window, utc }: { report: Report; window: WindowQuery; utc: boolean }) {
  return (
    <>
      {report.gaps.length > 0 ? (
        <p className="notice" role="note" data-testid="gap-notice">
          The log source was down for part of this window ({report.gaps.length} gap{report.gaps.length === 1 ? '' : 's'}, shaded on
          the charts): figures there are incomplete.
        </p>
      ) : null}
      {report.entries === 0 ? <Empty>No log entries in this window.</Empty> : null}
      <RecommendationBanner recommendation={report.recommendation} />
      <TargetTiles targets={report.targets} />
      <Headline report={report} />
      <LiveCharts report={report} utc={utc} />
      <RecentEvents />
    </>
  );
}
