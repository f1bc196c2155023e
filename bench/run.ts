// `npm run bench`: the figures the issues hold us to, each next to a baseline measured in the same run
// (these machines are shared and noisy; only same-run ratios mean anything). Prints Markdown for docs/benchmarks.md.
// Options: --ingest-only (skip the report and browser benchmarks), --lines N (default 1000000), --repeat N (default 2: each ingest figure is the best of N runs, the
// three kinds of run interleaved, so that a burst of load from other work hits one run, not one kind).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { simulate } from '../ingest/simulator/simulate.ts';
import { writeBaselineCsv } from './baseline-csv.ts';
import { removeStoreFiles } from './store-files.ts';

const args = process.argv.slice(2);
const linesArg = args.indexOf('--lines');
const lines = linesArg >= 0 ? Number(args[linesArg + 1]) : 1_000_000;
const repeatArg = args.indexOf('--repeat');
const repeat = repeatArg >= 0 ? Math.max(1, Number(args[repeatArg + 1])) : 2;
const dir = '.bench';
mkdirSync(dir, { recursive: true });
const logFile = join(dir, `sim-${lines}.log`);
const csvFile = join(dir, `sim-${lines}.csv`);

async function writeSimulation(): Promise<void> {
  if (existsSync(logFile)) return;
  const out = createWriteStream(logFile);
  for (const chunk of simulate({ seed: 42, start: Date.parse('2026-11-20T00:00:00Z'), lines, format: 'plain', leaks: true, quirks: true })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function fresh(path: string): string {
  removeStoreFiles(path);
  return path;
}

function timeSqlite3Baseline(): number {
  const db = fresh(join(dir, 'baseline.db'));
  const script = [
    'PRAGMA journal_mode=WAL;',
    'PRAGMA synchronous=NORMAL;',
    'CREATE TABLE entries(time TEXT, provider TEXT, instance TEXT, region TEXT, level TEXT, message TEXT);',
    `.import --csv ${csvFile} entries`,
  ].join('\n');
  const t0 = process.hrtime.bigint();
  // Its stdout only echoes the pragmas ('wal'): kept out of the Markdown this prints.
  const r = spawnSync('sqlite3', [db], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
  if (r.error || r.status !== 0) throw new Error('the sqlite3 baseline failed: is the sqlite3 CLI installed? (apt-get install -y sqlite3)');
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

interface IngestRun { seconds: number; maxRssMb: number; entries: number; lines: number; findings: number; events: number }

function timeIngest(scan: boolean): IngestRun {
  const db = fresh(join(dir, scan ? 'ingest.db' : 'ingest-noscan.db'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ingest-once.ts', db, logFile, ...(scan ? [] : ['--no-scan'])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error('the measured ingest failed');
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as IngestRun;
}

await writeSimulation();
if (!existsSync(csvFile)) await writeBaselineCsv(logFile, csvFile);
const mb = statSync(logFile).size / 1e6;
const baselines: number[] = [];
const scans: IngestRun[] = [];
const noScans: IngestRun[] = [];
for (let run = 1; run <= repeat; run++) {
  console.error(`bench: ${lines} lines, ${mb.toFixed(0)} MB, run ${run} of ${repeat}: baseline…`);
  baselines.push(timeSqlite3Baseline());
  console.error('bench: ingest with scanning…');
  scans.push(timeIngest(true));
  console.error('bench: ingest without scanning…');
  noScans.push(timeIngest(false));
}
const best = (runs: IngestRun[]): IngestRun => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const baseline = Math.min(...baselines);
const withScan = best(scans);
const noScan = best(noScans);
const all = (xs: number[]): string => xs.map((x) => x.toFixed(2)).join(', ');

const out: string[] = [];
out.push(`### Ingest (${new Date().toISOString().slice(0, 10)}, \`npm run bench -- --lines ${lines}\`)`, '');
out.push(`${lines} simulated plain \`fly logs\` lines, ${mb.toFixed(0)} MB, ${withScan.entries} entries, ${withScan.events} events, ${withScan.findings} findings. Best of ${repeat} runs each (seconds of every run: baseline ${all(baselines)}; scanning on ${all(scans.map((r) => r.seconds))}; off ${all(noScans.map((r) => r.seconds))}).`, '');
out.push('| run | seconds | lines/s | peak RSS | vs baseline |', '| --- | ---: | ---: | ---: | ---: |');
out.push(`| sqlite3 CLI \`.import\` of the pre-split CSV (WAL, synchronous=NORMAL, no indexes) | ${baseline.toFixed(2)} | ${Math.round(lines / baseline)} | — | 1.00× |`);
out.push(`| flight-recorder ingest, scanning on | ${withScan.seconds.toFixed(2)} | ${Math.round(lines / withScan.seconds)} | ${withScan.maxRssMb.toFixed(0)} MB | ${(withScan.seconds / baseline).toFixed(2)}× |`);
out.push(`| flight-recorder ingest, scanning off | ${noScan.seconds.toFixed(2)} | ${Math.round(lines / noScan.seconds)} | ${noScan.maxRssMb.toFixed(0)} MB | ${(noScan.seconds / baseline).toFixed(2)}× |`);
out.push('', `Peak RSS is the largest of the runs: ${Math.max(...scans.map((r) => r.maxRssMb)).toFixed(0)} MB with scanning, ${Math.max(...noScans.map((r) => r.maxRssMb)).toFixed(0)} MB without.`);
out.push('', `Scanning costs ${(withScan.seconds / noScan.seconds).toFixed(2)}× the ingest without it (bar: ≤ 1.25×). Bars: ≤ 2× baseline, peak RSS < 400 MB.`);

if (args.includes('--ingest-only')) {
  console.log(out.join('\n'));
  process.exit(0);
}

const reportBench = join('bench', 'report-bench.ts');
if (existsSync(reportBench)) {
  const { runReportBench } = (await import('./report-bench.ts')) as { runReportBench: (o: { dbPath: string }) => Promise<string[]> };
  out.push('', ...(await runReportBench({ dbPath: join(dir, 'ingest.db') })));
}
const { runBrowserBench } = await import('./browser-bench.ts');
console.error('bench: browser and live service…');
out.push('', ...(await runBrowserBench()));
console.log(out.join('\n'));
