import type { PipelineTiming } from './live-pipeline.ts';
import type { SourceSpec } from './live-ingest-handle.ts';
import type { SourceTiming } from './source-plan.ts';

/** How to run the live ingest. Plain data only: it crosses into the worker thread as is. */
export interface LiveIngestOptions {
  dbPath: string;
  source: SourceSpec;
  /** Entries older than this are deleted (hourly). */
  retentionDays?: number;
  /** FLY_API_TOKEN and PATH for the `fly` child, FLIGHT_RECORDER_SECRET, FLIGHT_RECORDER_TEST_KEYS. */
  env?: Record<string, string | undefined>;
  /** For app log files, which carry no instance. */
  instance?: string;
  /** Tests shorten these; the defaults suit production. */
  pipelineTiming?: Partial<Omit<PipelineTiming, 'storeRetry'>> & { storeRetry?: { initialMs?: number; maxMs?: number } };
  sourceTiming?: SourceTiming;
}

export { DEFAULT_RETENTION_DAYS } from '../../core/store/purge-expired.ts';

/** What a source is called in a status before the worker has said anything. */
export function sourceTarget(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'fly':
    case 'nats':
      return spec.app;
    case 'file':
      return spec.path;
    case 'simulate':
      return 'simulated staging traffic';
  }
}
