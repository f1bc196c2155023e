/** Events: the explorer, or one connection's life when the address names one (`conn=`). */
import { useNavigate, useUrlState } from '../../app/hooks.ts';
import { withFilters } from '../../state/url-state.ts';
import { ConnectionLifeView } from './connection-life.tsx';
import { EventsExplorer } from './events-explorer.tsx';

export default function EventsView() {
  const connection = useUrlState().filters.conn;
  const navigate = useNavigate();
  return (
    <section className="view" data-testid="view-events" aria-labelledby="view-events-title">
      <h2 id="view-events-title" className="view-title">
        Events
      </h2>
      {connection !== undefined ? (
        <ConnectionLifeView connectionId={connection} onBack={() => navigate((state) => withFilters(state, { conn: '' }))} />
      ) : (
        <EventsExplorer />
      )}
    </section>
  );
}
