import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
import { createScanner } from '../../core/findings/scanner.ts';
import { testKeyMatcher } from '../../core/test-traffic.ts';
import { LivePipeline } from '../live/live-pipeline.ts';
import { countStored, openTestStore, sleep, storedSet, tempDir, waitFor } from '../live/fixtures/live-test-kit.ts';
import { NatsSource } from './nats-source.ts';

const USER = 'personal-org';
const PASSWORD = 'fo1_read-only-token';

function natsServerPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('nats-server is not installed: run `apt-get install -y nats-server` (the NATS tests need a real server)');
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(natsServerPath(), ['-a', '127.0.0.1', '-p', String(port), '--user', USER, '--pass', PASSWORD], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      const probe = await connect({ servers: `127.0.0.1:${port}`, user: USER, pass: PASSWORD, reconnect: false, timeout: 500 });
      await probe.close();
      return server;
    } catch {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error('nats-server did not start');
      await sleep(50);
    }
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  server.kill('SIGKILL');
  if (server.exitCode === null) await once(server, 'exit');
}

/** A message as Fly's log shipper stream carries it: one compact JSON object. */
function flyMessage(i: number, ms: number): string {
  return JSON.stringify({
    event: { provider: 'app' },
    fly: { app: { instance: '0e286551c30586', name: 'nuzantara-backend' }, region: 'sjc' },
    host: '0ad1',
    log: { level: 'info' },
    message: `[Stream] First token latency: ${40 + i}ms for conn_1732190000000_k3j2h1g${i}`,
    timestamp: new Date(ms + i * 7).toISOString().replace('Z', '123456Z'),
  });
}

async function publisher(port: number): Promise<NatsConnection> {
  return connect({ servers: `127.0.0.1:${port}`, user: USER, pass: PASSWORD });
}

test('messages from a real nats-server are stored, and the stream is followed again after the server restarts', async () => {
  const port = await freePort();
  let server = await startServer(port);
  const dir = tempDir();
  const db = join(dir, 'live.db');
  const source = new NatsSource({
    app: 'nuzantara-backend',
    url: `127.0.0.1:${port}`,
    user: USER,
    password: PASSWORD,
    backoff: { initialMs: 50, maxMs: 200 },
    minGapMs: 100,
  });
  const pipeline = new LivePipeline({
    source,
    sourceKey: 'nats:nuzantara-backend',
    format: 'nats',
    dbPath: db,
    openStore: () => openTestStore(db),
    scanner: (secret) => createScanner({ secret }),
    testKeys: testKeyMatcher(),
    retentionDays: 36500,
    timing: { batchMs: 20, flushAfterMs: 40, tickMs: 50 },
  });
  try {
    await pipeline.start();
    await waitFor(() => source.status().state === 'running', 5000, 'the subscription');
    const base = Date.parse('2026-11-20T09:14:03Z');
    let pub = await publisher(port);
    for (let i = 0; i < 30; i++) pub.publish(`logs.nuzantara-backend.sjc.0e286551c30586`, flyMessage(i, base));
    // Another app's logs share the stream: they are not ours.
    pub.publish('logs.other-app.sjc.1234', flyMessage(99, base));
    await pub.flush();
    await waitFor(() => countStored(db) === 30, 5000, 'the first messages');
    await pub.close();

    await stopServer(server);
    await waitFor(() => source.status().state === 'down', 5000, 'the disconnect to be noticed');
    assert.match(source.status().reason ?? '', /lost the connection to NATS/);
    await sleep(150);
    server = await startServer(port);
    await waitFor(() => source.status().state === 'running', 10_000, 'the reconnect');
    assert.equal(source.status().restarts, 1);
    assert.match(source.status().reason ?? '', /^reconnected to NATS after/);

    pub = await publisher(port);
    for (let i = 30; i < 50; i++) pub.publish(`logs.nuzantara-backend.sjc.0e286551c30586`, flyMessage(i, base));
    await pub.flush();
    await pub.close();
    await waitFor(() => countStored(db) === 50, 5000, 'the messages after the reconnect');
    await sleep(100);
  } finally {
    await pipeline.stop();
    await stopServer(server);
  }
  const stored = storedSet(db);
  assert.equal(stored.count, 50);
  assert.equal(stored.gaps.length, 1, 'the outage is recorded: the stream keeps no history');
  assert.match(stored.gaps[0]?.reason ?? '', /NATS connection was down/);
});

test('wrong credentials are said plainly and retried', async () => {
  const port = await freePort();
  const server = await startServer(port);
  const source = new NatsSource({ app: 'a', url: `127.0.0.1:${port}`, user: USER, password: 'wrong', backoff: { initialMs: 50, maxMs: 100 } });
  try {
    source.start({ data: () => undefined, restart: () => undefined, gap: () => undefined, status: () => undefined }, null);
    await waitFor(() => source.status().state === 'down', 5000, 'the refusal');
    assert.equal(source.status().reason, 'NATS refused the credentials: check the NATS user (the org slug) and password (a read-only token)');
    await waitFor(() => source.status().restarts >= 1, 5000, 'a retry');
  } finally {
    await source.stop();
    await stopServer(server);
  }
});
