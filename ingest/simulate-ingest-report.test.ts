import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { simulate, simulateTruth } from './simulator/simulate.ts';
import type { SimulationOptions } from './simulator/simulate.ts';
import { ingestInput } from './ingest-input.ts';
import { Store } from '../core/store/store.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import { buildReport } from '../core/store/queries/build-report.ts';
import type { TransportFormat } from '../core/entry.ts';
import type { Report } from '../core/report.ts';

/** simulate → ingest → report, through the real pipeline and a real SQLite file, as a user would run them. */
async function ingestSimulation(options: SimulationOptions, format: TransportFormat | 'auto' = 'auto'): Promise<{ report: Report; truth: Report }> {
  const dir = mkdtempSync(join(tmpdir(), 'fr-e2e-'));
  const store = Store.open(join(dir, 'e2e.db'), { env: { FLIGHT_RECORDER_SECRET: 'e2e-secret-e2e-secret-e2e-secret' } });
  try {
    const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
    const summary = await ingestInput(Readable.from(simulate(options)), {
      format,
      secret: store.secret,
      ingester,
      batchSize: 700,
    });
    const truth = simulateTruth(options);
    assert.equal(summary.entries, truth.entries, 'entries stored');
    return { report: buildReport(store, { fromMs: null, toMs: null }), truth };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sections the simulator knows independently of the pipeline: its model, not a parse of its output. */
function assertMatchesTruth(report: Report, truth: Report): void {
  assert.deepEqual(report.window, truth.window, 'window');
  assert.equal(report.entries, truth.entries, 'entries');
  assert.deepEqual(report.connections, truth.connections, 'connections');
  assert.deepEqual(report.latency, truth.latency, 'latency');
  assert.deepEqual(report.errors, truth.errors, 'errors');
  assert.deepEqual(report.proxy, truth.proxy, 'proxy');
  assert.deepEqual(report.rateLimit, truth.rateLimit, 'rate limit');
  assert.equal(report.gdpr.entriesFlagged, truth.gdpr.entriesFlagged, 'entries flagged');
  assert.deepEqual(report.gdpr.byRule, truth.gdpr.byRule, 'findings by rule');
  assert.deepEqual(report.deploys, truth.deploys, 'deploys');
}

const start = Date.parse('2026-11-20T09:00:00Z');

for (const format of ['plain', 'json', 'nats', 'app'] as const) {
  test(`simulated ${format} traffic ingested and reported reproduces the simulator's ground truth`, async () => {
    const options: SimulationOptions = { seed: 11, start, lines: 4000, format, leaks: true, quirks: true };
    const { report, truth } = await ingestSimulation(options);
    assertMatchesTruth(report, truth);
  });
}

test('a replayed history after fly logs restarts changes nothing in the report', async () => {
  const options: SimulationOptions = { seed: 5, start, lines: 4000, format: 'plain', leaks: true, quirks: true, replay: true };
  const { report, truth } = await ingestSimulation(options, 'plain');
  assertMatchesTruth(report, truth);
});

test('traffic without leaks yields no plaintext findings', async () => {
  const options: SimulationOptions = { seed: 3, start, lines: 3000, format: 'plain', leaks: false, quirks: true };
  const { report, truth } = await ingestSimulation(options, 'plain');
  // The test plan's own queries (`Hello`, `Test1`…) stay linkable by their hash: that finding is real without a leak.
  assert.equal(report.gdpr.byRule['plaintext-query'], undefined);
  assert.equal(report.gdpr.byRule.email, undefined);
  assertMatchesTruth(report, truth);
});
