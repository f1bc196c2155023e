/** Status: is ingest healthy — the source, its restarts and lag, and the store's size and retention. */
import type { Health } from '../../../../core/api.ts';
import { useLive } from '../../app/hooks.ts';
import { useResource } from '../../api/use-resource.ts';
import { ErrorNote, Loading } from '../../components/states.tsx';
import { TimeText } from '../../components/time-text.tsx';
import { describeLag, formatBytes, sourceHealthy } from './status-logic.ts';

const REFRESH_MS = 5_000;

function isHealth(value: unknown): value is Health {
  return typeof value === 'object' && value !== null && 'source' in value && 'store' in value;
}

export default function StatusView() {
  // `/healthz` answers 503 with the reason when unhealthy: that answer is the status, not an error.
  const fetched = useResource<unknown>('/healthz', { okStatuses: [503], refreshMs: REFRESH_MS });
  const pushed = useLive((data) => data.health);
  const health = isHealth(fetched.data) ? fetched.data : pushed;
  return (
    <section className="view" data-testid="view-status" aria-labelledby="view-status-title">
      <div className="view-toolbar">
        <h2 id="view-status-title" className="view-title">
          Status
        </h2>
        <button type="button" className="secondary" onClick={fetched.reload} data-testid="status-refresh">
          Refresh
        </button>
      </div>
      {fetched.error !== null ? <ErrorNote error={fetched.error} onRetry={fetched.reload} what="the service status" /> : null}
      {fetched.data !== null && !isHealth(fetched.data) ? <p className="notice">The health answer has an unexpected shape.</p> : null}
      {health === null ? fetched.loading ? <Loading what="the service status" /> : null : <HealthPanels health={health} />}
    </section>
  );
}

function HealthPanels({ health }: { health: Health }) {
  const { source, store } = health;
  const ok = health.status === 'ok';
  return (
    <div className="columns" data-testid="status-panel" data-status={health.status}>
      <section className="panel" aria-labelledby="status-source-title">
        <h3 id="status-source-title">
          Ingest: <span className={ok ? 'health-ok' : 'health-bad'}>{ok ? 'healthy' : 'degraded'}</span>
        </h3>
        <dl className="facts">
          <dt>Source</dt>
          <dd>
            {source.kind}: {source.target}
            {health.demo ? <span className="badge badge-demo">simulated data</span> : null}
          </dd>
          <dt>State</dt>
          <dd className={sourceHealthy(source.state) ? 'health-ok' : 'health-bad'} data-testid="source-state">
            {source.state}
            {source.reason !== null ? ` — ${source.reason}` : null}
          </dd>
          <dt>Restarts</dt>
          <dd data-testid="source-restarts">
            {source.restarts}
            {source.lastRestartAt !== null ? <> (last <TimeText value={source.lastRestartAt} />)</> : null}
          </dd>
          <dt>Last entry</dt>
          <dd><TimeText value={source.lastEntryAt} /></dd>
          <dt>Lag</dt>
          <dd data-testid="lag">{describeLag(health.lagSeconds)}</dd>
          <dt>Version</dt>
          <dd>{health.version}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="status-store-title">
        <h3 id="status-store-title">
          Store: <span className={store.writable ? 'health-ok' : 'health-bad'}>{store.writable ? 'writable' : 'not writable'}</span>
        </h3>
        <dl className="facts">
          <dt>Path</dt>
          <dd className="mono">{store.path}</dd>
          <dt>Size</dt>
          <dd data-testid="store-size">{formatBytes(store.bytes)}</dd>
          <dt>Entries</dt>
          <dd>{store.entries}</dd>
          <dt>Oldest entry</dt>
          <dd><TimeText value={store.oldestEntryAt} /></dd>
          <dt>Retention</dt>
          <dd data-testid="retention">{store.retentionDays} days</dd>
          {store.reason !== null ? (
            <>
              <dt>Problem</dt>
              <dd className="health-bad">{store.reason}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
