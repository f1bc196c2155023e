import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./typescript-worker.mjs', import.meta.url);

/**
 * A worker thread that runs a TypeScript module. Workers do not inherit tsx when it was registered through its
 * API (as bin/flight-recorder.mjs does), so one small JavaScript entry registers it again, then loads `module`.
 */
export function typescriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(ENTRY, { ...options, argv: [...(options.argv ?? []), module.href] });
}
