/** Stored events of the window, newest first: searchable, filterable, paged by the API's cursor. */
import { useCallback, useMemo, useState } from 'react';
import type { EventPage } from '../../../../core/events/event.ts';
import { useLive, useNavigate, useUrlState } from '../../app/hooks.ts';
import { eventsPath } from '../../api/query.ts';
import { useResource } from '../../api/use-resource.ts';
import { useCursorPages } from '../../api/use-cursor-pages.ts';
import { useWindow } from '../../state/use-window.ts';
import { withFilters } from '../../state/url-state.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { Pager } from '../../components/pager.tsx';
import { EventsFilters, eventFilterValues, type EventFilterValues } from './events-filters.tsx';
import { EventsTable } from './events-table.tsx';

export function EventsExplorer() {
  const { range, filters } = useUrlState();
  const navigate = useNavigate();
  const { window, refresh } = useWindow(range);
  const [limit, setLimit] = useState(100);
  const applied = useMemo(() => eventFilterValues(filters), [filters]);
  const queryKey = JSON.stringify([applied, window.from, window.to, limit]);
  const pages = useCursorPages(queryKey);
  const events = useResource<EventPage>(eventsPath(applied, window, pages.cursor, limit));
  const seenAtLoad = useSeenAtLoad(queryKey);
  const arrived = useLive((data) => data.eventCount) - seenAtLoad;

  const apply = useCallback((values: EventFilterValues) => navigate((state) => withFilters(state, values)), [navigate]);
  const openConnection = useCallback((conn: string) => navigate((state) => withFilters(state, { conn })), [navigate]);

  const page = events.data;
  return (
    <>
      <EventsFilters applied={applied} onApply={apply} />
      <div className="view-toolbar">
        <Pager
          testId="events-pager"
          page={pages.page}
          hasNext={page?.next != null}
          onPrevious={pages.previous}
          onNext={() => pages.next(page?.next ?? null)}
          limit={limit}
          onLimit={setLimit}
        />
        <div className="actions">
          {arrived > 0 && range.kind === 'preset' ? <span className="muted">{arrived} new since loaded</span> : null}
          <button type="button" className="secondary" onClick={() => { pages.reset(); refresh(); events.reload(); }} data-testid="events-refresh">
            Refresh
          </button>
        </div>
      </div>
      {events.error !== null ? <ErrorNote error={events.error} onRetry={events.reload} what="events" /> : null}
      {page === null ? (
        events.loading ? <Loading what="events" /> : null
      ) : page.items.length === 0 ? (
        <Empty>No events match in this window.</Empty>
      ) : (
        <EventsTable events={page.items} onOpenConnection={openConnection} caption="Stored events, newest first" />
      )}
    </>
  );
}

/** The live event count when this query was loaded, to say how many arrived since. */
function useSeenAtLoad(queryKey: string): number {
  const count = useLive((data) => data.eventCount);
  const [seen, setSeen] = useState({ key: queryKey, count });
  if (seen.key !== queryKey) setSeen({ key: queryKey, count });
  return seen.key === queryKey ? seen.count : count;
}
