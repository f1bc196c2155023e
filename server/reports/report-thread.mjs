// The report thread's entry: tsx is registered again here, as in ingest/prepare-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./report-thread.ts');
