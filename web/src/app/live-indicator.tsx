/**
 * Whether the page is live: the socket's phase, a countdown while it waits to reconnect, and the ingest
 * source's own state (a connected page over a stalled source is not live data).
 */
import { useEffect, useState } from 'react';
import { indicatorText } from './indicator-text.ts';
import { useConnection, useLive } from './hooks.ts';
import { useServices } from './services-context.ts';

export function LiveIndicator() {
  const connection = useConnection();
  const source = useLive((data) => data.health?.source.state ?? null);
  const { socket } = useServices();
  const [now, setNow] = useState(() => Date.now());
  const waiting = connection.phase === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);
  const { tone, text } = indicatorText(connection, waiting ? now : Date.now(), source);
  return (
    <span className={`live-indicator tone-${tone}`} data-testid="live-indicator" data-phase={connection.phase}>
      <span className="live-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        {text}
      </span>
      {waiting ? (
        <button type="button" className="link-button" onClick={() => socket.restart()}>
          Retry now
        </button>
      ) : null}
    </span>
  );
}
