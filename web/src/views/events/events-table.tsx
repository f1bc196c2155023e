/** Events as rows of text; summaries and data are log-derived and are only ever rendered as text. */
import { memo } from 'react';
import type { StoredEvent } from '../../../../core/events/event.ts';
import { useUtc } from '../../app/hooks.ts';
import { clockName } from '../../state/time-format.ts';
import { TimeText } from '../../components/time-text.tsx';
import { dataPairs } from './event-kinds.ts';

interface Props {
  events: readonly StoredEvent[];
  onOpenConnection?(connectionId: string): void;
  caption: string;
  testId?: string;
}

export const EventsTable = memo(function EventsTable({ events, onOpenConnection, caption, testId = 'events-table' }: Props) {
  const utc = useUtc();
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time ({clockName(utc)})</th>
            <th scope="col">Type</th>
            <th scope="col">Level</th>
            <th scope="col">Instance</th>
            <th scope="col">Connection</th>
            <th scope="col">Key</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid={`event-row-${event.id}`} className={`level-${event.level}`}>
              <td className="nowrap">
                <TimeText value={event.time} />
              </td>
              <td className="nowrap event-type">{event.type}</td>
              <td>{event.level}</td>
              <td className="mono">{event.instance}</td>
              <td className="mono">
                {event.connectionId === null ? (
                  '—'
                ) : onOpenConnection ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpenConnection(event.connectionId ?? '')}
                    aria-label={`Show the life of connection ${event.connectionId}`}
                  >
                    {event.connectionId}
                  </button>
                ) : (
                  event.connectionId
                )}
              </td>
              <td>
                {event.key === null ? '—' : <code>{event.key}</code>}
                {event.test ? <span className="badge badge-test">test</span> : null}
              </td>
              <td className="text">
                {event.summary}
                {Object.keys(event.data).length > 0 ? (
                  <details>
                    <summary>data</summary>
                    <dl className="facts">
                      {dataPairs(event.data).map(([key, value]) => (
                        <div key={key} className="pair">
                          <dt>{key}</dt>
                          <dd className="mono">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
