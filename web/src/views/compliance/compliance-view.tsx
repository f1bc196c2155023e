/** Compliance: what personal data reached the logs, where it came from, and the review of each finding. */
import { useUrlState } from '../../app/hooks.ts';
import { useReport } from '../../live/use-report.ts';
import { ErrorNote, Loading } from '../../components/states.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { ReportSourceNote } from '../../components/report-source-note.tsx';
import { GdprSummary } from './gdpr-summary.tsx';
import { LeakSources } from './leak-sources.tsx';
import { FindingsPanel } from './findings-panel.tsx';

export default function ComplianceView() {
  const { range } = useUrlState();
  const view = useReport(range);
  const { report } = view;
  return (
    <section className="view" data-testid="view-compliance" aria-labelledby="view-compliance-title">
      <div className="view-toolbar">
        <h2 id="view-compliance-title" className="view-title">
          Compliance
        </h2>
        <ExportLinks window={view.window} label="Export the report of this window" />
      </div>
      {report !== null ? <ReportSourceNote source={view.source} report={report} /> : null}
      {view.error !== null ? <ErrorNote error={view.error} onRetry={view.reload} what="the GDPR figures" /> : null}
      {report === null ? (
        view.loading ? <Loading what="the GDPR figures" /> : null
      ) : (
        <div className="columns">
          <GdprSummary gdpr={report.gdpr} />
          <LeakSources sources={report.gdpr.sources} />
        </div>
      )}
      <FindingsPanel />
    </section>
  );
}
