// The entry of every worker that typescript-worker.ts starts: tsx first, then the module its last argument names.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
