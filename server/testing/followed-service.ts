/**
 * The real service, in process, for the browser tests and the browser benchmark: `startService` following a
 * file in a temp folder into a real SQLite store, serving a private copy of the built dashboard on a free
 * loopback port. Appending to the file is live traffic arriving.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { DEFAULT_WEB_DIST } from '../app.ts';
import { ensureDashboardBuilt } from '../dashboard-build.ts';
import { startService } from '../main.ts';
import type { RunningService } from '../main.ts';
import type { ServiceConfig } from '../service-config.ts';

export interface FollowedService {
  url: string;
  service: RunningService;
  /** The followed file. */
  logFile: string;
  /** The dashboard build it serves (a private copy). */
  webDist: string;
  dbPath: string;
  append(text: string): void;
  close(): Promise<void>;
}

export interface FollowedServiceOptions {
  /** FLIGHT_RECORDER_TOKEN, or none for a loopback-only service. */
  token?: string;
  /** What the file holds before the service starts. */
  initial?: string;
}

const SECRET = 'browser-test-secret-0123456789abcdef0123456789abcdef';

export async function startFollowedService(options: FollowedServiceOptions = {}): Promise<FollowedService> {
  const dir = mkdtempSync(join(tmpdir(), 'fr-browser-'));
  const webDist = await privateDashboardCopy(dir);
  const logFile = join(dir, 'staging.log');
  const dbPath = join(dir, 'flight-recorder.db');
  writeFileSync(logFile, options.initial ?? '');
  const config: ServiceConfig = {
    host: '127.0.0.1',
    port: 0,
    token: options.token ?? null,
    webhookUrl: null,
    dbPath,
    storeKind: 'real',
    demo: false,
    source: { kind: 'file', path: logFile, format: 'plain' },
    retentionDays: 36_500,
    trustedProxies: 0,
  };
  let service: RunningService;
  try {
    service = await startService(config, {
      logger: pino({ level: 'silent' }),
      env: { FLIGHT_RECORDER_SECRET: SECRET, PATH: process.env['PATH'] },
      webDist,
      // Built (once, under a lock) by privateDashboardCopy: a copy that has no sources beside it is never rebuilt.
      buildDashboard: async () => undefined,
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: service.url,
    service,
    logFile,
    webDist,
    dbPath,
    append: (text) => appendFileSync(logFile, text),
    async close() {
      try {
        await service.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Builds web/dist when it is missing or stale, then copies it into `dir`: the test serves the copy, so another
 * build (a colleague's `npm start`, the other test file) emptying web/dist cannot take chunks away mid-test.
 */
async function privateDashboardCopy(dir: string): Promise<string> {
  const copy = join(dir, 'web', 'dist');
  mkdirSync(dirname(copy), { recursive: true });
  // A dashboard built elsewhere (a changed copy, to check that these tests catch the change) is served as is.
  const given = process.env['FLIGHT_RECORDER_E2E_DIST'];
  if (given !== undefined && given !== '') {
    cpSync(given, copy, { recursive: true });
    return copy;
  }
  const webRoot = dirname(DEFAULT_WEB_DIST);
  await withBuildLock(() =>
    ensureDashboardBuilt({
      webRoot,
      log: { info: () => undefined, warn: (_obj, msg) => process.stderr.write(`browser tests: ${msg}\n`) },
    }),
  );
  if (!existsSync(join(DEFAULT_WEB_DIST, 'index.html'))) throw new Error('the dashboard could not be built: run npm run build:web to see why');
  cpSync(DEFAULT_WEB_DIST, copy, { recursive: true });
  return copy;
}

const LOCK = join(tmpdir(), 'flight-recorder-web-build.lock');
/** A build takes well under this; an older lock was left by a killed run. */
const STALE_LOCK_MS = 180_000;

/** Test files run two at a time: only one of them builds, the other waits and then finds the build fresh. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue;
      }
      if (age > STALE_LOCK_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
