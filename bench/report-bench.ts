// The report's speed on the store the ingest benchmark built: the whole store (bar: < 1 s) and one hour of it
// (bar: < 0.2 s), the way the dashboard asks every few seconds. In-process, so CLI start is excluded.
import { Store } from '../core/store/store.ts';
import { buildReport } from '../core/store/queries/build-report.ts';
import type { ReportRequest } from '../core/store/queries/build-report.ts';
import type { Report } from '../core/report.ts';

const RUNS = 7;
const HOUR_MS = 3_600_000;

interface Timing {
  median: number;
  min: number;
  max: number;
  report: Report;
}

function time(store: Store, req: ReportRequest): Timing {
  let report = buildReport(store, req); // warm-up: statements prepared, pages in the cache
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    report = buildReport(store, req);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] as number, min: ms[0] as number, max: ms[ms.length - 1] as number, report };
}

export async function runReportBench(options: { dbPath: string }): Promise<string[]> {
  const store = Store.open(options.dbPath, { env: { FLIGHT_RECORDER_SECRET: 'benchmark-secret-benchmark-secret' } });
  try {
    const whole = time(store, { fromMs: null, toMs: null });
    const from = Date.parse(whole.report.window.from ?? '');
    const to = Date.parse(whole.report.window.to ?? '');
    if (!Number.isFinite(from) || !Number.isFinite(to)) return ['### Report', '', 'The benchmark store is empty: no report timings.'];
    const hourFrom = Math.max(from, Math.floor((from + to) / 2 / HOUR_MS) * HOUR_MS);
    const hour = time(store, { fromMs: hourFrom, toMs: hourFrom + HOUR_MS });
    const streams = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM streams').get()?.n ?? 0;
    const row = (label: string, t: Timing, barMs: number): string =>
      `| ${label} | ${t.median.toFixed(0)} ms | ${t.min.toFixed(0)}–${t.max.toFixed(0)} ms | ` +
      `${t.report.series.length} × ${t.report.bucket ?? 'none'} | ${t.report.incidents.length} | < ${barMs} ms: ${t.median < barMs ? 'met' : '**missed**'} |`;
    return [
      `### Report (\`buildReport\`, ${new Date().toISOString().slice(0, 10)})`,
      '',
      `On the ingest benchmark's store: ${whole.report.entries} entries, ${streams} streams, ` +
        `${((to - from) / HOUR_MS).toFixed(1)} hours. Median of ${RUNS} runs after a warm-up, in-process (CLI start excluded).`,
      '',
      '| window | median | range | series | incidents | bar |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      row('whole store', whole, 1000),
      row(`one hour (${new Date(hourFrom).toISOString().slice(11, 16)} UTC)`, hour, 200),
    ];
  } finally {
    store.close();
  }
}
