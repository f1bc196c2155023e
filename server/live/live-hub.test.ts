import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveHub } from './live-hub.ts';
import type { LiveClient } from './client-outbox.ts';
import type { Health } from '../../core/api.ts';
import type { Report } from '../../core/report.ts';

class StuckSocket implements LiveClient {
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  send(data: string): void {
    this.sent.push(data);
    // This client never reads: everything stays buffered.
    this.bufferedAmount += 1_000_000;
  }
  close(): void {
    this.readyState = 3;
  }
}

test('a stuck client does not slow the others, and its backlog stays bounded', async () => {
  let reports = 0;
  const hub = new LiveHub({
    report: async () => {
      reports++;
      return { entries: reports } as unknown as Report;
    },
    latestEvents: () => [],
    health: () => ({ status: 'ok' }) as Health,
    now: () => 0,
    log: { warn: () => undefined },
    metricsIntervalMs: 60_000,
    limits: { highWaterBytes: 1000, maxQueuedEvents: 10, maxQueuedFindings: 10 },
  });
  const stuck = new StuckSocket();
  const fine: LiveClient & { sent: string[] } = { readyState: 1, bufferedAmount: 0, sent: [], send(d) { this.sent.push(d); }, close() {} };
  await hub.connect(stuck);
  await hub.connect(fine);
  for (let i = 1; i <= 1000; i++) {
    hub.committed({ entries: 1, duplicates: 0, newestEntryAt: null, findings: [], events: [{ id: i } as never] });
    if (i % 100 === 0) await hub.sendMetrics();
  }
  hub.close();
  assert.equal(fine.sent.length, 1 + 1000 + 10);
  assert.equal(stuck.sent.length, 1, 'only the snapshot went to the stuck client');
});
