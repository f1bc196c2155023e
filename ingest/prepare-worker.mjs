// The prepare worker's entry. Workers do not inherit tsx when it was registered through its API (as
// bin/flight-recorder.mjs does), so it is registered here again before the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
