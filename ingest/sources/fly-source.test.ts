import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceStatus } from '../../core/api.ts';
import { FlySource } from './fly-source.ts';
import type { FlySourceOptions } from './fly-source.ts';
import type { LogFields } from './source-log.ts';
import type { SourceRestart, SourceSink } from './source.ts';
import { installFakeFly } from './fixtures/fake-fly.ts';

const LINE = '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]{"level":"info","message":"hello"}\n';

interface Recorded {
  text: string;
  restarts: SourceRestart[];
  statuses: SourceStatus[];
}

function recordingSink(): SourceSink & { got: Recorded } {
  const got: Recorded = { text: '', restarts: [], statuses: [] };
  return {
    got,
    data: (bytes) => {
      got.text += bytes.toString();
    },
    restart: (r) => got.restarts.push(r),
    gap: () => undefined,
    status: (s) => got.statuses.push(s),
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fr-fly-'));
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function source(binDir: string, extra: Partial<FlySourceOptions> = {}): FlySource {
  return new FlySource({
    app: 'nuzantara-backend',
    env: { PATH: `${binDir}:/usr/bin:/bin`, FLY_API_TOKEN: 'fo1_test-token', FLY_REGION: 'sin' },
    backoff: { initialMs: 20, maxMs: 80 },
    killGraceMs: 200,
    ...extra,
  });
}

test('fly logs runs for the app with the token, and never inherits FLY_REGION', async () => {
  const dir = tempDir();
  const fly = installFakeFly(dir, [{ history: [0, 1], then: 'hang' }], [LINE]);
  const sink = recordingSink();
  const flySource = source(fly.binDir);
  flySource.start(sink, null);
  await until(() => sink.got.text === LINE, 5000, 'the history line');
  assert.equal(flySource.status().state, 'running');
  await flySource.stop();
  assert.deepEqual(fly.calls()[0]?.argv, ['logs', '-a', 'nuzantara-backend']);
  assert.equal(fly.calls()[0]?.flyRegion, null, 'FLY_REGION would silently narrow fly logs to one region');
  assert.equal(fly.calls()[0]?.flyApiToken, 'fo1_test-token');
  assert.equal(flySource.status().state, 'stopped');
});

test('a region is passed only when asked for', async () => {
  const dir = tempDir();
  const fly = installFakeFly(dir, [{ history: [0, 1], then: 'hang' }], [LINE]);
  const sink = recordingSink();
  const flySource = source(fly.binDir, { region: 'lhr' });
  flySource.start(sink, null);
  await until(() => sink.got.text.length > 0, 5000, 'output');
  await flySource.stop();
  assert.deepEqual(fly.calls()[0]?.argv, ['logs', '-a', 'nuzantara-backend', '--region', 'lhr']);
  assert.equal(fly.calls()[0]?.flyRegion, null);
});

test('a child that exits is restarted, and the status says why, counting what flyctl said on stderr', async () => {
  const dir = tempDir();
  const fly = installFakeFly(
    dir,
    [
      { history: [0, 1], then: { exit: 1 }, stderr: ['Error: failed to fetch logs for ana@example.com: 502', 'retrying'] },
      { history: [0, 1], then: 'hang' },
    ],
    [LINE],
  );
  const sink = recordingSink();
  const logged: { message: string; fields: LogFields | undefined }[] = [];
  const flySource = source(fly.binDir, { log: (_level, message, fields) => logged.push({ message, fields }) });
  flySource.start(sink, null);
  await until(() => fly.calls().length === 2 && flySource.status().state === 'running', 5000, 'the restart');
  const status = flySource.status();
  await flySource.stop();
  assert.equal(status.restarts, 1);
  assert.ok(status.lastRestartAt !== null);
  assert.equal(status.reason, 'fly logs exited with code 1 (2 lines on stderr)');
  assert.ok(sink.got.statuses.some((s) => s.state === 'restarting' && s.reason === status.reason));
  assert.equal(sink.got.restarts.length, 2, 'each child is a new stream that replays history');
  const everything = JSON.stringify(logged);
  assert.ok(!everything.includes('example.com') && !everything.includes('502'), 'stderr text is never logged');
  assert.ok(logged.some((l) => l.fields?.['stderrLines'] === 2));
});

test('a child that stays silent is killed and restarted, with growing waits', async () => {
  const dir = tempDir();
  const fly = installFakeFly(dir, [{ then: 'hang' }], [LINE]);
  const sink = recordingSink();
  const delays: number[] = [];
  const flySource = source(fly.binDir, {
    stallTimeoutMs: 200,
    backoff: { initialMs: 40, maxMs: 1000, random: () => 0.5 },
    log: (_level, _message, fields) => {
      if (typeof fields?.['delayMs'] === 'number') delays.push(fields['delayMs']);
    },
  });
  flySource.start(sink, null);
  // Counted from the source's side: a child killed before it even started writes no call record.
  await until(() => flySource.status().restarts >= 2, 5000, 'two restarts');
  const status = flySource.status();
  await flySource.stop();
  assert.ok(status.restarts >= 2);
  assert.equal(status.reason, 'fly logs printed nothing for 0.2 s');
  assert.ok(sink.got.statuses.some((s) => s.state === 'stalled'));
  const calls = fly.calls();
  for (const call of calls) assert.throws(() => process.kill(call.pid, 0), /ESRCH/, 'no stalled child is left behind');
  assert.ok(sink.got.statuses.filter((s) => s.state === 'stalled').length >= 2);
  assert.deepEqual(delays.slice(0, 2), [40, 80]);
});

test('without fly on PATH the status says how to fix it, and the source keeps trying without spinning', async () => {
  const dir = tempDir();
  const sink = recordingSink();
  const flySource = new FlySource({ app: 'nuzantara-backend', env: { PATH: dir }, backoff: { initialMs: 30, maxMs: 60, random: () => 0.5 } });
  flySource.start(sink, null);
  await new Promise((r) => setTimeout(r, 300));
  await flySource.stop();
  const down = sink.got.statuses.find((s) => s.state === 'down');
  assert.equal(down?.reason, 'fly not found on PATH: install flyctl or pass --fly-bin');
  const restarts = flySource.status().restarts;
  assert.ok(restarts >= 2 && restarts <= 10, `${restarts} attempts in 0.3 s`);
});

test('an explicit binary that does not exist is reported as such', async () => {
  const sink = recordingSink();
  const flySource = new FlySource({ app: 'a', flyBin: '/nonexistent/flyctl', env: {}, backoff: { initialMs: 1000 } });
  flySource.start(sink, null);
  await until(() => flySource.status().state === 'down', 3000, 'the failure');
  await flySource.stop();
  assert.equal(sink.got.statuses.find((s) => s.state === 'down')?.reason, 'the --fly-bin file does not exist: check the path');
});
