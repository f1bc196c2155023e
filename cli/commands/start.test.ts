import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { makeStartCommand } from './start.ts';
import type { StartDeps } from './start.ts';
import { UsageError } from '../cli-context.ts';
import type { CliContext } from '../cli-context.ts';
import { createLogger } from '../../server/logging/create-logger.ts';
import type { Health } from '../../core/api.ts';
import type { EventPage } from '../../core/events/event.ts';
import { stagingLines } from '../../core/store/queries/test-store.ts';
import { Store } from '../../core/store/store.ts';

function harness(env: NodeJS.ProcessEnv, deps: Partial<StartDeps> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'fr-start-'));
  let out = '';
  const ctx: CliContext = {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    stdin: new PassThrough(),
    env,
    cwd,
    now: () => Date.now(),
  };
  const signals = new EventEmitter();
  const exits: number[] = [];
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const silent = createLogger({ json: true, level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const command = makeStartCommand({
    signals: signals as unknown as StartDeps['signals'],
    exit: (code) => exits.push(code),
    logger: silent,
    buildDashboard: async () => undefined,
    webDist: join(cwd, 'web', 'dist'),
    onListening: (u) => listening(u),
    ...deps,
  })(ctx, () => undefined);
  return {
    cwd,
    url,
    exits,
    output: () => out,
    run: (args: string[]) => command.parseAsync(args, { from: 'user' }),
    signal: (s: 'SIGTERM' | 'SIGINT') => signals.emit(s),
    cleanup: () => rmSync(cwd, { recursive: true, force: true }),
  };
}

test('a public bind without a token is refused before anything starts, saying to set FLIGHT_RECORDER_TOKEN', async (t) => {
  const h = harness({});
  t.after(h.cleanup);
  await assert.rejects(h.run(['--host', '0.0.0.0']), (err: unknown) => err instanceof UsageError && /FLIGHT_RECORDER_TOKEN/.test(err.message));
  assert.equal(existsSync(join(h.cwd, 'data')), false);
});

test('with no app, start serves live simulated traffic from data/demo.db, never the real database, and stops on SIGTERM', async (t) => {
  const h = harness({ FLY_APP_NAME: 'the-analyzer-itself' });
  t.after(h.cleanup);
  const running = h.run(['--port', '0']);
  const url = await Promise.race([h.url, running.then(() => 'ended early')]);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(h.output(), new RegExp(`dashboard at ${url} — simulated staging traffic`));
  const health = (await (await fetch(`${url}/healthz`)).json()) as Health;
  assert.equal(health.demo, true);
  assert.equal(health.source.kind, 'simulate');
  assert.equal(health.store.path, join(h.cwd, 'data', 'demo.db'));
  await until(async () => ((await (await fetch(`${url}/api/events?limit=1`)).json()) as EventPage).items.length > 0);
  const started = Date.now();
  h.signal('SIGTERM');
  await running;
  assert.ok(Date.now() - started < 5000);
  assert.deepEqual(h.exits, []);
  assert.equal(existsSync(join(h.cwd, 'data', 'demo.db')), true);
  assert.equal(existsSync(join(h.cwd, 'data', 'flight-recorder.db')), false);
  await assert.rejects(fetch(`${url}/healthz`));
});

test('start follows a log file live: lines appended reach the API', async (t) => {
  const h = harness({});
  t.after(h.cleanup);
  const log = join(h.cwd, 'app.log');
  writeFileSync(log, `${stagingLines().slice(0, 5).join('\n')}\n`);
  const running = h.run(['--port', '0', '--source', 'file:app.log']);
  t.after(async () => {
    h.signal('SIGTERM');
    await running;
  });
  const url = await h.url;
  assert.match(h.output(), /following the file source/);
  const eventsNow = async () => ((await (await fetch(`${url}/api/events`)).json()) as EventPage).items;
  await until(async () => (await eventsNow()).length >= 4);
  appendFileSync(log, `${stagingLines().slice(5).join('\n')}\n`);
  await until(async () => (await eventsNow()).length === 11);
  const types = (await eventsNow()).map((e) => e.type);
  assert.ok(types.includes('stream.reconnect'));
});

async function until(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a demo database is not used for a real app: exit 2 with what to do', async (t) => {
  const h = harness({});
  t.after(h.cleanup);
  const demoDb = join(h.cwd, 'data', 'demo.db');
  Store.open(demoDb, { kind: 'demo', env: {} }).close();
  writeFileSync(join(h.cwd, 'app.log'), '');
  await assert.rejects(
    h.run(['--port', '0', '--source', 'file:app.log', '--db', demoDb]),
    (err: unknown) => err instanceof UsageError && /holds simulated demo data/.test(err.message),
  );
});
