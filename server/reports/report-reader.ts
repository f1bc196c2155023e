import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../../ingest/typescript-worker.ts';
import type { Report } from '../../core/report.ts';
import { TooManyBucketsError } from '../../core/metrics/buckets.ts';
import type { ReportRequest } from '../../core/store/queries/build-report.ts';
import type { FromReportThread, ReportThreadData, ToReportThread } from './report-protocol.ts';

export class ReportThreadError extends Error {
  override name = 'ReportThreadError';
}

/**
 * Reports built on a thread of their own (report-thread.ts), started on the first request. When the thread
 * cannot start or stops, what was asked of it and every later report come from `fallback` on this thread:
 * slower under load, never missing.
 */
export class ReportReader {
  private worker: Worker | null = null;
  private dead = false;
  private nextId = 1;
  private readonly pending = new Map<number, { request: ReportRequest; resolve: (r: Report) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly path: string,
    private readonly fallback: (request: ReportRequest) => Report,
    private readonly onThreadLost: (reason: string) => void = () => {},
  ) {}

  build(request: ReportRequest): Promise<Report> {
    if (this.dead) return Promise.resolve().then(() => this.fallback(request));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Report>((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      worker.ref();
      worker.postMessage({ id, request } satisfies ToReportThread);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    const worker = this.worker;
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new ReportThreadError('the service is closing'));
    this.pending.clear();
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    const worker = typescriptWorker(new URL('./report-thread.ts', import.meta.url), { workerData: { path: this.path } satisfies ReportThreadData });
    worker.on('message', (m: FromReportThread) => {
      const waiting = this.pending.get(m.id);
      if (waiting === undefined) return;
      this.pending.delete(m.id);
      // Only a thread with work in hand keeps the process alive.
      if (this.pending.size === 0) this.worker?.unref();
      if ('report' in m) waiting.resolve(m.report);
      else if ('tooManyBuckets' in m) waiting.reject(new TooManyBucketsError(m.tooManyBuckets));
      else waiting.reject(new ReportThreadError(`the report failed (${m.failed})`));
    });
    worker.on('error', (err) => this.lose(`error ${err.name}`));
    worker.on('exit', (code) => this.lose(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  private lose(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker = null;
    this.onThreadLost(reason);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of waiting) {
      try {
        resolve(this.fallback(request));
      } catch (err) {
        reject(err instanceof Error ? err : new ReportThreadError(String(err)));
      }
    }
  }
}
