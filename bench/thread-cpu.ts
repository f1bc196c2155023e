// One ingest with the CPU seconds of each of the process's threads, read from /proc while it runs: on a shared
// machine, thread CPU moves less than wall time, and it shows which thread is full. Linux only.
// Usage: node --import tsx bench/thread-cpu.ts DB FILE [--no-scan] [--batch-size N (default 2000, as `ingest`)]
import { readFileSync, readdirSync } from 'node:fs';
import { benchIngest } from './bench-ingest.ts';

const [dbPath, file, ...options] = process.argv.slice(2);
const sizeAt = options.indexOf('--batch-size');
const batchSize = sizeAt < 0 ? 2000 : Number(options[sizeAt + 1]);
if (dbPath === undefined || file === undefined || !Number.isInteger(batchSize) || batchSize < 1) {
  console.error('usage: thread-cpu.ts DB FILE [--no-scan] [--batch-size N]');
  process.exit(2);
}
const CLOCK_TICKS = 100;
/** CPU seconds by thread id, the last reading of each (a thread that ended keeps its last one). */
const threads = new Map<string, number>();

function sample(): void {
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(tid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

const timer = setInterval(sample, 50);
const started = process.hrtime.bigint();
const summary = await benchIngest(dbPath, file, { scan: !options.includes('--no-scan'), batchSize });
sample();
clearInterval(timer);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const main = threads.get(String(process.pid)) ?? 0;
const others = [...threads].filter(([tid]) => tid !== String(process.pid)).map(([, s]) => s).sort((a, b) => b - a);
// The busiest other thread is the prepare worker; the rest are V8's helpers (garbage collection, compiling),
// libuv's pool and the WAL checkpoint thread.
const [worker = 0, ...rest] = others;
console.log(
  JSON.stringify({
    seconds: Number(seconds.toFixed(2)),
    writerCpu: main,
    prepareWorkerCpu: worker,
    otherThreadsCpu: Number(rest.reduce((a, b) => a + b, 0).toFixed(2)),
    otherThreads: rest.filter((s) => s >= 0.05),
    entries: summary.entries,
    findings: summary.findings,
  }),
);
