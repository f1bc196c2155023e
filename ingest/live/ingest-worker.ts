import { parentPort, workerData } from 'node:worker_threads';
import { createScanner } from '../../core/findings/scanner.ts';
import { Store } from '../../core/store/store.ts';
import { testKeyMatcher, testKeyPatternsFrom } from '../../core/test-traffic.ts';
import type { SourceLog } from '../sources/source-log.ts';
import { LivePipeline } from './live-pipeline.ts';
import { DEFAULT_RETENTION_DAYS } from './live-ingest-options.ts';
import type { LiveIngestOptions } from './live-ingest-options.ts';
import { planSource } from './source-plan.ts';
import type { MainMessage, WorkerMessage } from './worker-messages.ts';

/**
 * The writer's thread: it owns the source, the parsing, the scanning and the only write connection, so that the
 * server's event loop never waits on a batch. It tells the main thread what was committed and how things are.
 */
const port = parentPort;
if (port === null) throw new Error('ingest-worker.ts runs as a worker thread (see start-live-ingest.ts)');
const options = workerData as LiveIngestOptions;
const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env) };
const post = (message: WorkerMessage): void => port.postMessage(message);
const log: SourceLog = (level, message, fields = {}) => post({ type: 'log', level, message, fields });

const plan = planSource(options.source, env, options.sourceTiming ?? {}, log);
const pipeline = new LivePipeline({
  source: plan.source,
  sourceKey: plan.sourceKey,
  format: plan.format,
  dbPath: options.dbPath,
  openStore: () => Store.open(options.dbPath, { env, kind: plan.storeKind }),
  scanner: (secret) => createScanner({ secret }),
  testKeys: testKeyMatcher(testKeyPatternsFrom(env)),
  retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
  ...(options.pipelineTiming === undefined ? {} : { timing: options.pipelineTiming }),
  ...(options.instance === undefined ? {} : { instance: options.instance }),
  log,
  onCommitted: (batch) => post({ type: 'committed', batch }),
  onStatus: (source, store, changed) => post({ type: 'status', source, store, changed }),
});

port.on('message', (message: MainMessage) => {
  if (message.type !== 'stop') return;
  void pipeline.stop().then(
    () => post({ type: 'stopped' }),
    () => post({ type: 'stopped' }),
  );
});

pipeline.start().then(
  () => post({ type: 'started' }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : 'the live ingest could not start' }),
);
