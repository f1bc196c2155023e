// The dashboard's and the live service's figures (issues "The dashboard" and "The live service"), read from the
// real service following a file, with Debian's Chromium for the page: initial JavaScript gzipped, Largest
// Contentful Paint from the local server, the longest main-thread task while 2,000 lines/s arrive, a line's way
// from the followed file to a WebSocket client, and GET /api/report during that load. Measurements, not
// pass/fail. Run alone: `node --import tsx bench/browser-bench.ts [--seconds 15] [--rate 2000]`.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { LiveMessage } from '../core/api.ts';
import { openDatabase } from '../core/store/open-database.ts';
import type { FollowedService } from '../server/testing/followed-service.ts';
import { startBrowserSession } from '../server/testing/dashboard-browser.ts';
import type { DashboardBrowser } from '../server/testing/dashboard-browser.ts';
import { auditOpen, connectionId, trafficLine } from '../server/testing/staging-log-lines.ts';

export interface BrowserBenchOptions {
  /** How long the load runs (default 15 s). */
  seconds?: number;
  /** Lines per second during the load (default 2,000). */
  linesPerSecond?: number;
  /** Cold page loads for the LCP (default 5). */
  loads?: number;
  /** Lines of history in the store before the measurements (default 12,000 over the last 50 minutes). */
  historyLines?: number;
}

const PROBES_PER_SECOND = 10;
const IDLE_SECONDS = 5;
const REPORT_PATH = '/api/report?from=-1h';

// `ws` (what @fastify/websocket runs on) has no types installed: the little of it used here, typed.
interface WsClient {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => WsClient;

// ---------------------------------------------------------------------------------------------- figures

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

// ---------------------------------------------------------------------------------------------- bundle

interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
  allJsGzipBytes: number;
}

/** What index.html makes the browser fetch before anything is shown: its entry script and module preloads. */
function initialBundle(webDist: string): BundleSize {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const refs = (pattern: RegExp): string[] => [...html.matchAll(pattern)].map((m) => (m[1] as string).replace(/^\//, ''));
  const js = [...new Set([...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)])];
  const css = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const gz = (file: string): number => gzipSync(readFileSync(join(webDist, file)), { level: 9 }).length;
  const allJs = readdirSync(join(webDist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    files: js,
    rawBytes: js.reduce((n, f) => n + readFileSync(join(webDist, f)).length, 0),
    gzipBytes: js.reduce((n, f) => n + gz(f), 0),
    cssGzipBytes: css.reduce((n, f) => n + gz(f), 0),
    allJsGzipBytes: allJs.reduce((n, f) => n + gz(join('assets', f)), 0),
  };
}

// ---------------------------------------------------------------------------------------------- page

async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('.recharts-wrapper svg path.recharts-curve').first().waitFor({ timeout: 30_000 });
}

interface PaintTimes {
  lcp: number | null;
  lcpElement: string;
  fcp: number | null;
  charts: number;
}

/** One cold load of the live view (no HTTP cache): its paint times, in ms from navigation start. */
async function coldLoad(browser: DashboardBrowser, url: string): Promise<PaintTimes> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${url}/?view=live&range=1h`);
    await chartsDrawn(page);
    const charts = await page.evaluate(() => performance.now());
    // Later paints can still become the largest: give them a moment before reading.
    await page.waitForTimeout(1000);
    return await page.evaluate(
      () =>
        new Promise<PaintTimes>((resolve) => {
          let last: (PerformanceEntry & { element?: Element | null }) | null = null;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) last = entry;
          });
          observer.observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => {
            observer.disconnect();
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
            const found = last as (PerformanceEntry & { element?: Element | null }) | null;
            const element = found?.element;
            resolve({
              lcp: found?.startTime ?? null,
              lcpElement: element ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}` : 'unknown',
              fcp,
              charts: 0,
            });
          }, 100);
        }),
    ).then((t) => ({ ...t, charts }));
  } finally {
    await page.close();
  }
}

interface LongTask {
  start: number;
  duration: number;
}

/** Opens the live view with a long-task observer installed before any script of the page runs. */
async function watchedLiveView(browser: DashboardBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    (window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}/?view=live&range=1h`);
  await chartsDrawn(page);
  return page;
}

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const longTasks = (page: Page): Promise<LongTask[]> =>
  page.evaluate(() => (window as unknown as { benchLongTasks: Array<{ start: number; duration: number }> }).benchLongTasks.slice());

// ---------------------------------------------------------------------------------------------- service

interface ProbeClient {
  /** Marks a line: its connection id, and when it was written. */
  expect(conn: string, writtenAt: number): void;
  /** File → WebSocket client, per marked line. */
  latencies: number[];
  /** File → the committed batch heard on the service's main thread (the ingest worker's share), per marked line. */
  committed: number[];
  pending(): number;
  close(): void;
}

/**
 * A WebSocket client of `/ws` that times the `event` of each marked line, and a listener on the service's live
 * ingest that times when that line's batch was committed.
 */
async function openProbeClient(service: FollowedService): Promise<ProbeClient> {
  const ws = new WebSocket(`${service.url.replace(/^http/, 'ws')}/ws?from=-1h`);
  const waiting = new Map<string, number>();
  const unseenCommits = new Map<string, number>();
  const latencies: number[] = [];
  const committed: number[] = [];
  const stopListening = service.service.app.live.onCommitted((batch) => {
    const at = performance.now();
    for (const event of batch.events) {
      const writtenAt = event.connectionId === null ? undefined : unseenCommits.get(event.connectionId);
      if (writtenAt === undefined || event.connectionId === null) continue;
      unseenCommits.delete(event.connectionId);
      committed.push(at - writtenAt);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const receivedAt = performance.now();
      const text = data.toString('utf8');
      if (text.startsWith('{"type":"snapshot"')) resolve();
      // Only the marked lines are parsed: the load's own events are not this client's work.
      if (!text.includes('_p0')) return;
      const message = JSON.parse(text) as LiveMessage;
      if (message.type !== 'event' || message.event.connectionId === null) return;
      const writtenAt = waiting.get(message.event.connectionId);
      if (writtenAt === undefined) return;
      waiting.delete(message.event.connectionId);
      latencies.push(receivedAt - writtenAt);
    });
  });
  return {
    expect(conn, writtenAt) {
      waiting.set(conn, writtenAt);
      unseenCommits.set(conn, writtenAt);
    },
    latencies,
    committed,
    pending: () => waiting.size,
    close() {
      stopListening();
      ws.close();
    },
  };
}

/** Asks for the last hour's report one request after another until stopped; each answer's time. */
function pollReports(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const response = await fetch(`${url}${REPORT_PATH}`);
      await response.arrayBuffer();
      if (response.ok) times.push(performance.now() - t0);
      // A dashboard asks every second or so: 4 per second keeps the pressure without queueing requests.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

interface LoadRun {
  written: number;
  seconds: number;
  probes: ProbeClient;
  reports: number[];
}

/**
 * Writes `rate` realistic lines per second to the followed file for `seconds`, in small slices as a busy app
 * would; `PROBES_PER_SECOND` of them are marked stream opens that the probe client times.
 */
async function runLoad(service: FollowedService, rate: number, seconds: number, firstLine: number, firstProbe: number): Promise<LoadRun> {
  const probes = await openProbeClient(service);
  const poller = pollReports(service.url);
  const started = performance.now();
  let written = 0;
  let probed = 0;
  while (performance.now() - started < seconds * 1000) {
    const elapsed = (performance.now() - started) / 1000;
    const due = Math.floor(elapsed * rate) - written;
    const probesDue = Math.floor(elapsed * PROBES_PER_SECOND) - probed;
    if (due > 0 || probesDue > 0) {
      const now = Date.now();
      let text = '';
      for (let i = 0; i < due; i++) text += trafficLine(firstLine + written + i, now, 'benchload');
      const marked: string[] = [];
      for (let k = 0; k < probesDue; k++) {
        const conn = connectionId(now, `p${String(firstProbe + probed + k).padStart(8, '0')}`);
        marked.push(conn);
        text += auditOpen(now, conn, probed + k);
      }
      const writtenAt = performance.now();
      for (const conn of marked) probes.expect(conn, writtenAt);
      service.append(text);
      written += Math.max(0, due);
      probed += probesDue;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const took = (performance.now() - started) / 1000;
  const reports = await poller.stop();
  // The last marked lines may still be on their way.
  const deadline = performance.now() + 5000;
  while (probes.pending() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  probes.close();
  return { written: written + probed, seconds: took, probes, reports };
}

/** Entries in the store, read on a connection of its own (the service's figures are refreshed now and then). */
function storedEntries(dbPath: string): number {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM entries').get()?.n ?? 0;
  } finally {
    db.close();
  }
}

/** Waits until the store holds `expected` entries; how long that took, or null. */
async function storedWithin(dbPath: string, expected: number, limitMs: number): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (storedEntries(dbPath) >= expected) return performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- run

export async function runBrowserBench(options: BrowserBenchOptions = {}): Promise<string[]> {
  const seconds = options.seconds ?? 15;
  const rate = options.linesPerSecond ?? 2000;
  const loads = options.loads ?? 5;
  const historyLines = options.historyLines ?? 12_000;
  const loadAtStart = loadavg()[0] ?? 0;

  const now = Date.now();
  const span = 50 * 60_000;
  let history = '';
  for (let i = 0; i < historyLines; i++) history += trafficLine(i, now - span + Math.floor((i * span) / historyLines), 'benchhist');
  const session = await startBrowserSession({ initial: history });
  const { service, browser } = session;
  try {
    const url = service.url;
    const ingestedHistory = await storedWithin(service.dbPath, historyLines, 60_000);
    if (ingestedHistory === null) throw new Error('the history was not stored within 30 s');
    const bundle = initialBundle(service.webDist);

    process.stderr.write(`browser bench: ${loads} cold loads of the live view…\n`);
    const paints: PaintTimes[] = [];
    for (let i = 0; i < loads; i++) paints.push(await coldLoad(browser, url));

    process.stderr.write(`browser bench: idle ${IDLE_SECONDS} s, then ${rate} lines/s for ${seconds} s…\n`);
    const page = await watchedLiveView(browser, url);
    const idle = await runLoad(service, 0, IDLE_SECONDS, historyLines, 0);
    const loadFrom = await pageNow(page);
    const load = await runLoad(service, rate, seconds, historyLines, 1_000_000);
    const loadTo = await pageNow(page);
    const expected = historyLines + idle.written + load.written;
    const stored = (await storedWithin(service.dbPath, expected, 10_000)) === null ? storedEntries(service.dbPath) : expected;
    const tasks = (await longTasks(page)).filter((t) => t.start >= loadFrom && t.start <= loadTo);
    const stillLive = await page.locator('[data-testid="live-indicator"][data-phase="live"]').count();
    await page.close();
    const loadAtEnd = loadavg()[0] ?? 0;

    const lcp = spread(paints.map((p) => p.lcp ?? NaN).filter(Number.isFinite));
    const fcp = spread(paints.map((p) => p.fcp ?? NaN).filter(Number.isFinite));
    const charts = spread(paints.map((p) => p.charts));
    const lcpElements = [...new Set(paints.map((p) => p.lcpElement))].join(', ');
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const wsIdle = spread(idle.probes.latencies);
    const wsLoad = spread(load.probes.latencies);
    const commitIdle = spread(idle.probes.committed);
    const commitLoad = spread(load.probes.committed);
    const apiIdle = spread(idle.reports);
    const apiLoad = spread(load.reports);
    const achieved = load.written / load.seconds;

    return [
      `### Dashboard and live service (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/browser-bench.ts\`)`,
      '',
      `Real service in-process (\`startService\`, file source, SQLite), Chromium ${'`/usr/bin/chromium`'} headless; ` +
        `${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at start and ${loadAtEnd.toFixed(1)} at the end (shared machine). ` +
        `Store: ${historyLines} lines of history over 50 minutes (stored in ${ms(ingestedHistory)}). ` +
        `The line writer, the WebSocket client and the report poller run in the service's process: figures include their cost.`,
      '',
      '| figure | measured | bar | |',
      '| --- | ---: | ---: | --- |',
      `| initial JavaScript, gzip -9 (${bundle.files.map((f) => `\`${f.replace(/^assets\//, '')}\``).join(', ')}) | ${kb(bundle.gzipBytes)} (${kb(bundle.rawBytes)} raw) | < 300 KB | ${verdict(bundle.gzipBytes < 300 * 1024)} |`,
      `| Largest Contentful Paint, live view, cold cache (median of ${lcp.n}; max) | ${ms(lcp.p50)}; ${ms(lcp.max)} | < 2 s | ${verdict(lcp.n > 0 && lcp.max < 2000)} |`,
      `| longest main-thread task while ${rate} lines/s arrive (${seconds} s, live view open) | ${ms(longest)} | ≤ 200 ms | ${verdict(longest <= 200)} |`,
      `| line appended → \`event\` on a WebSocket client, p95 under load (p50; max; ${wsLoad.n} marked lines) | ${ms(wsLoad.p95)} (${ms(wsLoad.p50)}; ${ms(wsLoad.max)}) | < 250 ms | ${verdict(wsLoad.n > 0 && wsLoad.p95 < 250 && load.probes.pending() === 0)} |`,
      `| \`GET ${REPORT_PATH}\` p95 under load (p50; max; ${apiLoad.n} requests) | ${ms(apiLoad.p95)} (${ms(apiLoad.p50)}; ${ms(apiLoad.max)}) | < 100 ms | ${verdict(apiLoad.n > 0 && apiLoad.p95 < 100)} |`,
      '',
      'Beside them, in the same run:',
      '',
      `- Load achieved: ${load.written} lines in ${load.seconds.toFixed(1)} s (${achieved.toFixed(0)} lines/s); the store holds ${stored === expected ? 'every line written' : `**${stored} of the ${expected} entries written**`}; ` +
        `the page was ${stillLive === 1 ? 'still live' : '**no longer live**'} at the end; ${tasks.length} long tasks (> 50 ms) during the load.`,
      `- Idle baseline (${IDLE_SECONDS} s, marked lines only): line → WebSocket p95 ${ms(wsIdle.p95)} (p50 ${ms(wsIdle.p50)}, ${wsIdle.n} lines); ` +
        `report p95 ${ms(apiIdle.p95)} (p50 ${ms(apiIdle.p50)}, ${apiIdle.n} requests).`,
      `- Of a marked line's way, file → its batch committed and heard on the service's main thread (the ingest worker's share): ` +
        `p50 ${ms(commitLoad.p50)}, p95 ${ms(commitLoad.p95)} under load; p50 ${ms(commitIdle.p50)}, p95 ${ms(commitIdle.p95)} idle. ` +
        `Marked lines never seen on the socket: ${load.probes.pending() + idle.probes.pending()}.`,
      `- Paint: first contentful paint median ${ms(fcp.p50)}; charts drawn ≈ ${ms(charts.p50)} (median); the largest paint was ${lcpElements}.`,
      `- All JavaScript of the build, gzip -9: ${kb(bundle.allJsGzipBytes)} (views and charts load on first use); initial CSS ${kb(bundle.cssGzipBytes)}.`,
    ];
  } finally {
    await session.close();
  }
}

function flag(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const n = Number(process.argv[at + 1]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = flag('--seconds');
  const rate = flag('--rate');
  const lines = await runBrowserBench({ ...(seconds !== undefined ? { seconds } : {}), ...(rate !== undefined ? { linesPerSecond: rate } : {}) });
  console.log(lines.join('\n'));
}
