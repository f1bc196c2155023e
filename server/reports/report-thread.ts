import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../../core/store/store.ts';
import { buildReport } from '../../core/store/queries/build-report.ts';
import { TooManyBucketsError } from '../../core/metrics/buckets.ts';
import type { FromReportThread, ReportThreadData, ToReportThread } from './report-protocol.ts';

/**
 * Builds reports on its own read-only connection, off the service's main thread: a report over a busy hour
 * takes tens of milliseconds, which the WebSocket fan-out and the API should not wait behind.
 */
const port = parentPort;
if (port === null) throw new Error('report-thread.ts runs only as a worker thread');
const { path } = workerData as ReportThreadData;
const store = Store.open(path, { readonly: true });

port.on('message', (m: ToReportThread) => {
  let reply: FromReportThread;
  try {
    reply = { id: m.id, report: buildReport(store, m.request) };
  } catch (err) {
    if (err instanceof TooManyBucketsError) reply = { id: m.id, tooManyBuckets: err.count };
    else reply = { id: m.id, failed: err instanceof Error ? err.name : typeof err };
  }
  port.postMessage(reply);
});
