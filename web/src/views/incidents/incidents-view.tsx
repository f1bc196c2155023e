/** Incidents of the window: the list, the chosen one in detail, and the window's exports. */
import { useMemo } from 'react';
import { useNavigate, useUrlState } from '../../app/hooks.ts';
import { useReport } from '../../live/use-report.ts';
import { withFilters } from '../../state/url-state.ts';
import { formatDuration } from '../../state/time-format.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { ReportSourceNote } from '../../components/report-source-note.tsx';
import { TimeText } from '../../components/time-text.tsx';
import { incidentDurationMs, newestFirst } from './incident-logic.ts';
import { IncidentDetail } from './incident-detail.tsx';

export default function IncidentsView() {
  const { range, filters } = useUrlState();
  const navigate = useNavigate();
  const view = useReport(range);
  const incidents = useMemo(() => newestFirst(view.report?.incidents ?? []), [view.report?.incidents]);
  const selected = incidents.find((incident) => incident.id === filters.incident) ?? null;
  return (
    <section className="view" data-testid="view-incidents" aria-labelledby="view-incidents-title">
      <div className="view-toolbar">
        <h2 id="view-incidents-title" className="view-title">
          Incidents
        </h2>
        <ExportLinks window={view.window} label="Export the report of this window" />
      </div>
      {view.report !== null ? <ReportSourceNote source={view.source} report={view.report} /> : null}
      {view.error !== null ? <ErrorNote error={view.error} onRetry={view.reload} what="incidents" /> : null}
      {view.report === null ? (
        view.loading ? <Loading what="incidents" /> : null
      ) : incidents.length === 0 ? (
        <Empty>No incidents in this window.</Empty>
      ) : (
        <ul className="incident-list" data-testid="incidents-list" aria-label="Incidents, newest first">
          {incidents.map((incident) => {
            const duration = incidentDurationMs(incident);
            return (
              <li key={incident.id}>
                <button
                  type="button"
                  aria-pressed={incident.id === selected?.id}
                  onClick={() => navigate((state) => withFilters(state, { incident: incident.id }))}
                  data-testid={`incident-${incident.id}`}
                >
                  <span>
                    <strong>{incident.kind}</strong> {incident.summary}
                  </span>
                  <span className="muted">
                    <TimeText value={incident.from} />
                    {duration !== null ? ` · ${formatDuration(duration)}` : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {selected !== null ? <IncidentDetail incident={selected} /> : null}
      {filters.incident !== undefined && selected === null && view.report !== null ? (
        <p className="muted">Incident {filters.incident} is not in this window.</p>
      ) : null}
    </section>
  );
}
