import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../typescript-worker.ts';
import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import { Backoff } from '../sources/backoff.ts';
import type { SourceLog } from '../sources/source-log.ts';
import type { CommittedBatch, LiveIngest } from './live-ingest-handle.ts';
import { DEFAULT_RETENTION_DAYS, sourceTarget } from './live-ingest-options.ts';
import type { LiveIngestOptions } from './live-ingest-options.ts';
import { initialStoreStatus } from './store-status.ts';
import type { MainMessage, WorkerMessage } from './worker-messages.ts';

export interface StartLiveIngestOptions extends LiveIngestOptions {
  /** Where the worker's log records go (the service's logger). They never hold input text. */
  log?: SourceLog;
  /** Waits before restarting a worker that died (a bug, not a source or store failure, which it handles itself). */
  workerRestart?: { initialMs?: number; maxMs?: number };
  /** The worker's module (default `ingest-worker.ts`): a test gives one that dies as a bug would. */
  workerUrl?: URL;
}

export interface LiveIngestHandle extends LiveIngest {
  /**
   * Resolves once the store is open and the source started; rejects when the ingest cannot run at all (the
   * database holds the other kind of data). A store that cannot be opened yet is retried, and said in the status.
   */
  readonly started: Promise<void>;
}

/** How long `stop()` waits for the worker to flush and close before it is terminated. */
const STOP_TIMEOUT_MS = 4500;
const HEALTHY_WORKER_MS = 60_000;

/**
 * Runs the live ingest in a worker thread and gives the main thread what it needs: the statuses, and every
 * committed batch. The main thread never parses, scans nor writes.
 */
export function startLiveIngest(options: StartLiveIngestOptions): LiveIngestHandle {
  const { log, workerRestart, workerUrl = new URL('./ingest-worker.ts', import.meta.url), ...workerOptions } = options;
  const committedListeners = new Set<(batch: CommittedBatch) => void>();
  const statusListeners = new Set<(status: SourceStatus, store: StoreStatus) => void>();
  const restartBackoff = new Backoff(workerRestart);
  let source: SourceStatus = {
    kind: options.source.kind,
    target: sourceTarget(options.source),
    state: 'starting',
    reason: null,
    restarts: 0,
    lastRestartAt: null,
    lastEntryAt: null,
  };
  let store: StoreStatus = initialStoreStatus(options.dbPath, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  let worker: Worker | null = null;
  // A worker reports its own source's restarts; those of the worker itself are counted here and added.
  let workerRestarts = 0;
  let workerRestartedAt: string | null = null;
  let stopping = false;
  let stopped: (() => void) | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let settleStarted: { resolve: () => void; reject: (err: Error) => void } | null = null;
  const started = new Promise<void>((resolve, reject) => {
    settleStarted = { resolve, reject };
  });
  // A caller that never awaits `started` must not see an unhandled rejection: the status says it too.
  started.catch(() => undefined);

  const tellStatus = (): void => {
    for (const listener of statusListeners) listener({ ...source }, { ...store });
  };

  const onMessage = (message: WorkerMessage): void => {
    switch (message.type) {
      case 'committed': {
        const newest = message.batch.newestEntryAt;
        if (newest !== null && (source.lastEntryAt === null || Date.parse(newest) > Date.parse(source.lastEntryAt))) {
          source = { ...source, lastEntryAt: newest };
        }
        for (const listener of committedListeners) listener(message.batch);
        return;
      }
      case 'status':
        source = {
          ...message.source,
          restarts: message.source.restarts + workerRestarts,
          lastRestartAt: latest(message.source.lastRestartAt, workerRestartedAt),
          lastEntryAt: latest(message.source.lastEntryAt, source.lastEntryAt),
        };
        store = message.store;
        if (message.changed) tellStatus();
        return;
      case 'log':
        log?.(message.level, message.message, message.fields);
        return;
      case 'started':
        settleStarted?.resolve();
        return;
      case 'failed':
        source = { ...source, state: 'down', reason: message.message };
        store = { ...store, writable: false, reason: message.message };
        settleStarted?.reject(new Error(message.message));
        tellStatus();
        stopping = true;
        void worker?.terminate();
        return;
      case 'stopped':
        stopped?.();
        return;
    }
  };

  const spawn = (): void => {
    const w = typescriptWorker(workerUrl, { workerData: workerOptions });
    const spawnedAt = Date.now();
    worker = w;
    w.on('message', onMessage);
    w.on('error', (err) => {
      log?.('error', 'the ingest worker failed', { error: err.name });
    });
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = null;
      if (stopping) {
        stopped?.();
        return;
      }
      // Only a worker that ran a good while earns a quick restart: one that dies at once waits longer each time.
      if (Date.now() - spawnedAt >= HEALTHY_WORKER_MS) restartBackoff.reset();
      const delay = restartBackoff.next();
      source = { ...source, state: 'down', reason: `the ingest worker stopped unexpectedly (exit code ${code}); restarting` };
      log?.('error', 'the ingest worker stopped unexpectedly: restarting it', { code, delayMs: delay });
      tellStatus();
      restartTimer = setTimeout(() => {
        restartTimer = null;
        workerRestarts++;
        workerRestartedAt = new Date().toISOString();
        source = { ...source, restarts: source.restarts + 1, lastRestartAt: workerRestartedAt };
        spawn();
      }, delay);
    });
  };
  spawn();

  return {
    started,
    sourceStatus: () => ({ ...source }),
    storeStatus: () => ({ ...store }),
    onCommitted(listener) {
      committedListeners.add(listener);
      return () => committedListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const w = worker;
      if (w === null) return;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(() => {
          log?.('warn', 'the ingest worker did not stop in time: terminated', {});
          resolve();
        }, STOP_TIMEOUT_MS);
        stopped = () => {
          clearTimeout(timeout);
          resolve();
        };
        w.postMessage({ type: 'stop' } satisfies MainMessage);
      });
      await w.terminate();
      worker = null;
      source = { ...source, state: 'stopped' };
    },
  };
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
