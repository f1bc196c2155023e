import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CommittedBatch } from '../../ingest/live/live-ingest-handle.ts';
import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import { LabelSet } from './label-set.ts';

const MS_PER_S = 1000;

/**
 * The Prometheus view of the live ingest, fed from what the store committed. Labelled by instance and kind,
 * never by user key: a key is personal data and would be one series per person.
 */
export class IngestMetrics {
  readonly registry = new Registry();
  private readonly instances = new LabelSet(64);
  private readonly kinds = new LabelSet(64);
  private readonly entries: Counter;
  private readonly duplicates: Counter;
  private readonly events: Counter<'instance' | 'kind'>;
  private readonly findings: Counter<'rule' | 'severity'>;
  private readonly firstToken: Histogram<'instance'>;
  private readonly duration: Histogram<'instance'>;
  private readonly liveClients: Gauge;

  constructor(status: () => { source: SourceStatus; store: StoreStatus; lagSeconds: number | null }) {
    const registers = [this.registry];
    this.entries = new Counter({ name: 'flight_recorder_entries_total', help: 'Log entries stored', registers });
    this.duplicates = new Counter({ name: 'flight_recorder_duplicate_entries_total', help: 'Entries dropped as already stored (replays)', registers });
    this.events = new Counter({ name: 'flight_recorder_events_total', help: 'Audit events stored, by instance and kind', labelNames: ['instance', 'kind'], registers });
    this.findings = new Counter({ name: 'flight_recorder_findings_total', help: 'GDPR findings stored, by rule and severity', labelNames: ['rule', 'severity'], registers });
    this.firstToken = new Histogram({
      name: 'flight_recorder_first_token_seconds',
      help: 'Time to the first token of a stream, by instance',
      labelNames: ['instance'],
      buckets: [0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
      registers,
    });
    this.duration = new Histogram({
      name: 'flight_recorder_stream_duration_seconds',
      help: 'Duration of closed streams, by instance',
      labelNames: ['instance'],
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.liveClients = new Gauge({ name: 'flight_recorder_live_clients', help: 'WebSocket clients connected', registers });
    new Gauge({
      name: 'flight_recorder_source_up',
      help: '1 while the source is running, 0 otherwise',
      registers,
      collect() {
        this.set(status().source.state === 'running' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'flight_recorder_source_restarts',
      help: 'Restarts of the source since start',
      registers,
      collect() {
        this.set(status().source.restarts);
      },
    });
    new Gauge({
      name: 'flight_recorder_lag_seconds',
      help: 'Seconds between now and the newest entry',
      registers,
      collect() {
        const lag = status().lagSeconds;
        this.set(lag ?? 0);
      },
    });
    new Gauge({
      name: 'flight_recorder_store_writable',
      help: '1 while the store can be written',
      registers,
      collect() {
        this.set(status().store.writable ? 1 : 0);
      },
    });
  }

  record(batch: CommittedBatch): void {
    this.entries.inc(batch.entries);
    this.duplicates.inc(batch.duplicates);
    for (const e of batch.events) {
      const instance = this.instances.label(e.instance);
      this.events.inc({ instance, kind: this.kinds.label(e.type) });
      if (e.type === 'stream.first-token' && typeof e.data['ms'] === 'number') this.firstToken.observe({ instance }, e.data['ms'] / MS_PER_S);
      if (e.type === 'stream.close' && typeof e.data['durationMs'] === 'number') this.duration.observe({ instance }, e.data['durationMs'] / MS_PER_S);
    }
    for (const f of batch.findings) this.findings.inc({ rule: f.rule, severity: f.severity });
  }

  setLiveClients(n: number): void {
    this.liveClients.set(n);
  }
}
