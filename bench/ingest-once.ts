// One measured ingest, in its own process so that its peak RSS is its own: prints one JSON line.
// Usage: node --import tsx bench/ingest-once.ts DB FILE [--no-scan]
import { benchIngest } from './bench-ingest.ts';

const [dbPath, file, flag] = process.argv.slice(2);
if (dbPath === undefined || file === undefined) {
  console.error('usage: ingest-once.ts DB FILE [--no-scan]');
  process.exit(2);
}
const started = process.hrtime.bigint();
const summary = await benchIngest(dbPath, file, { scan: flag !== '--no-scan' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, ...summary }));
