/** One incident: what and when, its figures, the redacted entries that show it, and the events around it. */
import type { EventPage } from '../../../../core/events/event.ts';
import type { Incident } from '../../../../core/report.ts';
import { eventsPath } from '../../api/query.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatDuration } from '../../state/time-format.ts';
import { ExportLinks } from '../../components/export-links.tsx';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { TimeText } from '../../components/time-text.tsx';
import { figureRows, incidentDurationMs, incidentWindow, timelineWindow } from './incident-logic.ts';

const TIMELINE_LIMIT = 200;

export function IncidentDetail({ incident }: { incident: Incident }) {
  const duration = incidentDurationMs(incident);
  const around = timelineWindow(incident);
  const timeline = useResource<EventPage>(around === null ? null : eventsPath({}, around, null, TIMELINE_LIMIT));
  const events = timeline.data === null ? [] : [...timeline.data.items].reverse();
  const figures = figureRows(incident.figures);
  return (
    <section className="panel view" data-testid="incident-detail" aria-labelledby="incident-title">
      <div className="view-toolbar">
        <h3 id="incident-title">
          {incident.kind}: {incident.summary}
        </h3>
        <ExportLinks window={incidentWindow(incident)} label="Export the report of this incident's window" />
      </div>
      <p>
        <TimeText value={incident.from} /> – <TimeText value={incident.to} />
        {duration !== null ? ` (${formatDuration(duration)})` : null}
      </p>
      <div className="columns">
        <div>
          <h4>Figures</h4>
          {figures.length === 0 ? (
            <p className="muted">No figures.</p>
          ) : (
            <dl className="facts" data-testid="incident-figures">
              {figures.map(([name, value]) => (
                <div key={name} className="pair">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        <div>
          <h4>Sample entries (redacted)</h4>
          {incident.samples.length === 0 ? (
            <p className="muted">No samples.</p>
          ) : (
            <ul className="samples" data-testid="incident-samples">
              {incident.samples.map((sample, index) => (
                <li key={index}>
                  <pre>{sample}</pre>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h4>Timeline (a minute either side)</h4>
      {timeline.error !== null ? <ErrorNote error={timeline.error} onRetry={timeline.reload} what="the timeline" /> : null}
      {timeline.data === null ? (
        timeline.loading ? <Loading what="the timeline" /> : null
      ) : events.length === 0 ? (
        <Empty>No events around this incident.</Empty>
      ) : (
        <ol className="event-feed" data-testid="incident-timeline">
          {timeline.data.next !== null ? <li className="muted">Showing the latest {TIMELINE_LIMIT} events of this span.</li> : null}
          {events.map((event) => (
            <li key={event.id} className={`level-${event.level}`}>
              <TimeText value={event.time} pattern="HH:mm:ss" /> <span className="event-type">{event.type}</span>{' '}
              {event.connectionId !== null ? <code>{event.connectionId}</code> : null} <span className="event-summary">{event.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
