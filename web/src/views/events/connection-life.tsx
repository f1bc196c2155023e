/** One connection id's whole life: every stream it opened (reconnects included) and all its lines as events. */
import type { ConnectionLife } from '../../../../core/api.ts';
import { useUtc } from '../../app/hooks.ts';
import { connectionPath } from '../../api/query.ts';
import { useResource } from '../../api/use-resource.ts';
import { clockName, formatDuration } from '../../state/time-format.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { TimeText } from '../../components/time-text.tsx';
import { EventsTable } from './events-table.tsx';

export function ConnectionLifeView({ connectionId, onBack }: { connectionId: string; onBack(): void }) {
  const life = useResource<ConnectionLife>(connectionPath(connectionId));
  const utc = useUtc();
  return (
    <section className="view" data-testid="connection-view" aria-labelledby="connection-title">
      <div className="view-toolbar">
        <h3 id="connection-title">
          Connection <code>{connectionId}</code>
        </h3>
        <button type="button" className="secondary" onClick={onBack} data-testid="connection-back">
          Back to events
        </button>
      </div>
      {life.error !== null ? <ErrorNote error={life.error} onRetry={life.reload} what="this connection" /> : null}
      {life.data === null ? (
        life.loading ? <Loading what="the connection" /> : null
      ) : (
        <>
          {life.data.streams.length === 0 ? (
            <Empty>No stream of this connection is stored.</Empty>
          ) : (
            <div className="table-wrap">
              <table data-testid="connection-streams">
                <caption className="visually-hidden">Streams of this connection, in order</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Opened ({clockName(utc)})</th>
                    <th scope="col">Closed</th>
                    <th scope="col">Outcome</th>
                    <th scope="col" className="number">First token (server)</th>
                    <th scope="col" className="number">Duration</th>
                    <th scope="col" className="number">Tokens</th>
                    <th scope="col">Instance</th>
                  </tr>
                </thead>
                <tbody>
                  {life.data.streams.map((stream, index) => (
                    <tr key={`${stream.openedAt ?? 'none'}-${index}`}>
                      <td>{index + 1}</td>
                      <td className="nowrap"><TimeText value={stream.openedAt} /></td>
                      <td className="nowrap"><TimeText value={stream.closedAt} /></td>
                      <td>
                        {stream.failed ? 'failed' : stream.stale ? 'stale (no close within 5 min)' : stream.closedAt === null ? 'open' : 'closed'}
                        {stream.reconnect ? <span className="badge">reconnect</span> : null}
                      </td>
                      <td className="number">{stream.firstTokenMs === null ? '—' : `${stream.firstTokenMs} ms`}</td>
                      <td className="number">{stream.durationMs === null ? '—' : formatDuration(stream.durationMs)}</td>
                      <td className="number">{stream.tokens ?? '—'}</td>
                      <td className="mono">{stream.instance}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {life.data.events.length === 0 ? (
            <Empty>No events of this connection are stored.</Empty>
          ) : (
            <EventsTable events={life.data.events} caption="Events of this connection" testId="connection-events" />
          )}
        </>
      )}
    </section>
  );
}
