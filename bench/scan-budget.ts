// What the 1.25× bar of issue 3 leaves the scanner, next to what it takes. The bar lets the ingest with scanning
// take a quarter more time than without; both cores are as busy in either run, so that is a quarter more CPU:
// the budget is a quarter of the CPU of all threads of the ingest without scanning. Against it: the CPU that
// scanning adds in the whole ingest, and the scanner alone on one thread (the same entries read beforehand in
// chunks, only the scan calls timed), which an ingest with this scanner pays whatever else it does.
// Usage: node --import tsx bench/scan-budget.ts [FILE (default .bench/sim-1000000.log)]
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createScanner } from '../core/findings/scanner.ts';
import { triggersOf } from '../core/findings/triggers.ts';
import { readEntries } from '../ingest/read-entries.ts';
import { BENCH_SECRET } from './prepared-sample.ts';
import { removeStoreFiles } from './store-files.ts';

const file = process.argv[2] ?? join('.bench', 'sim-1000000.log');
const dbPath = join('.bench', 'scan-budget.db');

/** One ingest in a fresh process (thread-cpu.ts), as `npm run bench` runs each: none starts warmer than the other. */
function ingestCpu(scan: boolean): { seconds: number; cpu: number } {
  removeStoreFiles(dbPath);
  const args = ['--import', 'tsx', join('bench', 'thread-cpu.ts'), dbPath, file, ...(scan ? [] : ['--no-scan'])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  removeStoreFiles(dbPath);
  const run = JSON.parse(out) as { seconds: number; writerCpu: number; prepareWorkerCpu: number; otherThreadsCpu: number };
  return { seconds: run.seconds, cpu: run.writerCpu + run.prepareWorkerCpu + run.otherThreadsCpu };
}

/**
 * The scanner alone, and its first step alone: the native searches (indexOf, short regexes) that tell which
 * detectors a text needs, over each entry's message and URL. No scan can do less than that step.
 */
async function scannerAlone(): Promise<{ seconds: number; prefilterSeconds: number; lines: number; findings: number }> {
  const scanner = createScanner({ secret: Buffer.from(BENCH_SECRET) });
  let ms = 0;
  let prefilterMs = 0;
  let lines = 0;
  let findings = 0;
  let triggered = 0;
  for await (const entries of readEntries(createReadStream(file, { highWaterMark: 1 << 20 }), 'plain')) {
    let started = performance.now();
    for (const e of entries) findings += scanner.scan(e).findings.length;
    ms += performance.now() - started;
    started = performance.now();
    for (const e of entries) triggered |= triggersOf(e.message) | (e.http?.url === undefined ? 0 : triggersOf(e.http.url));
    prefilterMs += performance.now() - started;
    for (const e of entries) lines += e.lines;
  }
  if (triggered === 0) throw new Error('no trigger in the whole file: not the simulated traffic');
  return { seconds: ms / 1000, prefilterSeconds: prefilterMs / 1000, lines, findings };
}

const off = ingestCpu(false);
const on = ingestCpu(true);
const alone = await scannerAlone();
const budget = off.cpu / 4;
const s = (x: number): string => `${x.toFixed(1)} s`;
const share = (x: number): string => `${((100 * x) / budget).toFixed(0)} % of the budget`;
console.log(
  [
    `### Scan budget (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/scan-budget.ts ${file}\`)`,
    '',
    `${alone.lines} lines; the scanner reports ${alone.findings} findings (the ingest keeps a value once per entry and rule). CPU of all threads, and wall time:`,
    '',
    '| | CPU | wall |',
    '| --- | ---: | ---: |',
    `| ingest, scanning off | ${s(off.cpu)} | ${s(off.seconds)} |`,
    `| ingest, scanning on | ${s(on.cpu)} | ${s(on.seconds)} (${(on.seconds / off.seconds).toFixed(2)}× off) |`,
    `| budget for scanning at 1.25× (a quarter of the CPU without it) | ${s(budget)} | |`,
    `| what scanning adds to the ingest | ${s(on.cpu - off.cpu)} (${share(on.cpu - off.cpu)}) | |`,
    `| the scanner alone, one thread (${((1e6 * alone.seconds) / alone.lines).toFixed(1)} µs a line) | ${s(alone.seconds)} (${share(alone.seconds)}) | |`,
    `| its first step alone, the native prefilter searches (${((1e6 * alone.prefilterSeconds) / alone.lines).toFixed(1)} µs a line) | ${s(alone.prefilterSeconds)} (${share(alone.prefilterSeconds)}) | |`,
  ].join('\n'),
);
