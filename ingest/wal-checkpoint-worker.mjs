// The WAL checkpoint worker's entry: tsx is registered again here, as in prepare-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./wal-checkpoint-worker.ts');
