/** The newest events as they arrive on the socket; a connection id opens that connection's whole life. */
import { memo } from 'react';
import { useLive, useNavigate } from '../../app/hooks.ts';
import { withView } from '../../state/url-state.ts';
import { TimeText } from '../../components/time-text.tsx';
import { Empty } from '../../components/states.tsx';

const SHOWN = 15;

export const RecentEvents = memo(function RecentEvents() {
  const events = useLive((data) => data.events);
  const navigate = useNavigate();
  return (
    <section className="panel" aria-labelledby="recent-events-title" data-testid="recent-events">
      <h2 id="recent-events-title">Latest events</h2>
      {events.length === 0 ? (
        <Empty>No events received yet.</Empty>
      ) : (
        <ul className="event-feed">
          {events.slice(0, SHOWN).map((event) => (
            <li key={event.id} className={`level-${event.level}`}>
              <TimeText value={event.time} pattern="HH:mm:ss" /> <span className="event-type">{event.type}</span>{' '}
              {event.connectionId !== null ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate((state) => withView(state, 'events', { conn: event.connectionId ?? '' }))}
                  aria-label={`Show the life of connection ${event.connectionId}`}
                >
                  {event.connectionId}
                </button>
              ) : null}{' '}
              <span className="event-summary">{event.summary}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
