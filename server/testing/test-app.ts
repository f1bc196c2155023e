import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { AppOptions } from '../app.ts';
import { openTestStore, stagingLines, TEST_SECRET } from '../../core/store/queries/test-store.ts';
import type { TestStore } from '../../core/store/queries/test-store.ts';
import { FakeLiveIngest } from './fake-live-ingest.ts';

export interface TestApp {
  app: FastifyInstance;
  live: FakeLiveIngest;
  seeded: TestStore;
  close(): Promise<void>;
}

/** Ten minutes after the staging lines of the seeded store: "now" for every test app. */
export const TEST_NOW = Date.parse('2026-11-20T09:10:00Z');

/** An app over a real store seeded with staging traffic and a fake live ingest; no port is opened. */
export function testApp(options: Partial<AppOptions> = {}, lines: readonly string[] = stagingLines()): TestApp {
  const seeded = openTestStore(lines);
  const live = new FakeLiveIngest();
  const app = buildApp({
    dbPath: seeded.path,
    storeKind: 'real',
    live,
    token: null,
    version: '0.1.0-test',
    demo: false,
    env: { FLIGHT_RECORDER_SECRET: TEST_SECRET },
    now: () => TEST_NOW,
    webDist: '/nonexistent/web/dist',
    ...options,
  });
  return {
    app,
    live,
    seeded,
    async close() {
      await app.close();
      seeded.cleanup();
    },
  };
}
