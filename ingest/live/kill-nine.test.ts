import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainTraffic, TRAFFIC_START_MS } from './fixtures/plain-traffic.ts';
import { countStored, oneShotIngest, sleep, storedSet, tempDir, waitFor } from './fixtures/live-test-kit.ts';

const SERVICE = fileURLToPath(new URL('./fixtures/follow-file-service.ts', import.meta.url));

async function startService(db: string, file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVICE, db, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await waitFor(() => out.includes('started') || child.exitCode !== null, 10_000, 'the service to start');
  assert.equal(child.exitCode, null, 'the service started');
  return child;
}

test('kill -9 during a busy ingest, then a restart: every entry stored once, as a one-shot ingest stores them', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  const text = plainTraffic(0, 3000, TRAFFIC_START_MS, 40);
  writeFileSync(file, '');

  const first = await startService(db, file);
  let written = 0;
  let writing = true;
  // The app keeps writing, in slices that cut lines anywhere, whether the service is up or not.
  const writer = (async () => {
    while (written < text.length) {
      const size = 1000 + ((written * 31) % 2001);
      appendFileSync(file, text.slice(written, written + size));
      written += size;
      await sleep(4);
    }
    writing = false;
  })();

  await waitFor(() => countStored(db) > 300, 10_000, 'the first entries to be committed');
  assert.ok(writing, 'the kill lands while the file is still being written');
  first.kill('SIGKILL');
  await once(first, 'exit');
  const atKill = countStored(db);

  await sleep(200);
  const second = await startService(db, file);
  await writer;
  const expected = await oneShotIngest(join(dir, 'once.db'), text, 'plain');
  await waitFor(() => countStored(db) >= expected.count, 15_000, 'the restarted service to catch up');
  await sleep(300);
  second.kill('SIGTERM');
  await once(second, 'exit');

  const live = storedSet(db);
  assert.ok(atKill > 0 && atKill < expected.count, 'the kill came in the middle of the ingest');
  assert.equal(live.count, expected.count, 'nothing lost, nothing doubled');
  assert.deepEqual(live.identities, expected.identities);
});
