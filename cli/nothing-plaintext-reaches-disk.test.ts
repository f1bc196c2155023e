import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The promise of spec/gdpr.md, checked as a user runs the product: plant unique personal values in a log,
 * run ingest, the exports and the live service, then search every byte the tool wrote (database, -wal, -shm,
 * exports, its own log output) for them.
 */
const BIN = join(import.meta.dirname, '..', 'bin', 'flight-recorder.mjs');

function luhnComplete(prefix: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = `${prefix}${d}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let n = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

const card = luhnComplete('453201511283036');
const planted = {
  streamQuery: 'zqplantstreamquery',
  urlQuery: 'zqplanturlquery',
  proxyQuery: 'zqplantproxyquery',
  history: 'zqplanthistory',
  email: 'zq.plant.person@example-plant.com',
  keyEmail: 'zq.ratelimited@example-plant.com',
  note: 'zq.reviewer.wrote@example-plant.com',
  card,
  iban: 'DE89370400440532013000',
};

function plantedLog(second: number): string {
  const t = (s: number) => `2026-11-20T09:${String(14 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z`;
  const ts = t(second);
  const id = `conn_17321900${String(second).padStart(5, '0')}_zqplant${second}`;
  const history = encodeURIComponent(JSON.stringify([{ role: 'user', content: `${planted.history} please` }]));
  return [
    `\u001b[2m${ts}\u001b[0m app[4d895d5ec41638] \u001b[32msin\u001b[0m [info][Stream] Starting stream: ${id}, query: "what is ${planted.streamQuery}? my card ${planted.card}..."`,
    `${ts} app[4d895d5ec41638] sin [info]{"level":"info","message":"[AUDIT]","operation":"stream.chat","userEmail":"${planted.email}","success":true,"metadata":{"connectionId":"${id}","queryHash":"a1b2c3d4e5f60718","queryLength":42,"iban":"${planted.iban}"},"gdprCompliant":false}`,
    `${ts} app[4d895d5ec41638] sin [http]Request started: GET /api/v2/bali-zero/chat-stream?query=visa%20${planted.urlQuery}%3F&conversation_history=${history}`,
    `${ts} app[4d895d5ec41638] sin [warn]🚨 Rate limit exceeded for user:${planted.keyEmail} on /chat-stream`,
    `error.message="failed to connect to machine: gave up after 15 attempts (in 8.14s)" ${ts} proxy[4d895d5ec41638] sin [error]request.method="GET" request.url="/api/v2/bali-zero/chat-stream?q=${planted.proxyQuery}" response.status=502 [PM05] failed to connect to machine`,
  ].join('\n') + '\n';
}

function run(args: string[], env: NodeJS.ProcessEnv): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

function leaksIn(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  return Object.entries(planted).filter(([, v]) => text.includes(v)).map(([k]) => k);
}

test('no planted personal value reaches the database, its WAL, the exports or the service logs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-privacy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = join(dir, 'app.log');
  writeFileSync(log, plantedLog(1) + plantedLog(2));
  assert.deepEqual(leaksIn(readFileSync(log)).sort(), Object.keys(planted).filter((k) => k !== 'note').sort(), 'the input really holds the values');
  const env = { FLIGHT_RECORDER_SECRET: 'privacy-test-secret-privacy-test' };

  // The batch path: ingest, then every export.
  const db = join(dir, 'batch.db');
  const ingest = run(['ingest', '--db', db, log], env);
  assert.equal(ingest.status, 0, ingest.out);
  const summary = JSON.parse(ingest.out.trim().split('\n').filter((l) => l.startsWith('{')).pop() as string) as { findings: number };
  assert.ok(summary.findings >= 10, `the scanner found the leaks (${summary.findings})`);
  const outputs: string[] = [ingest.out];
  for (const format of ['json', 'md', 'csv']) {
    const r = run(['report', '--db', db, '--format', format], env);
    assert.equal(r.status, 0, r.out);
    writeFileSync(join(dir, `report.${format}`), r.out);
  }
  outputs.push(run(['scan', '--json', log], env).out);

  // The live path: the service follows the file, answers API calls that carry a planted value, and is stopped.
  const port = await freePort();
  const live = spawn(process.execPath, [BIN, 'start', '--source', `file:${log}`, '--db', join(dir, 'live.db'), '--port', String(port)], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serviceOutput = '';
  live.stdout.on('data', (d: Buffer) => (serviceOutput += d.toString('latin1')));
  live.stderr.on('data', (d: Buffer) => (serviceOutput += d.toString('latin1')));
  t.after(() => live.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`)).status === 200, 30_000);
  appendFileSync(log, plantedLog(3));
  await waitFor(async () => {
    const r = (await (await fetch(`${base}/api/findings?limit=100`)).json()) as { items: unknown[] };
    return r.items.length >= 15;
  }, 20_000);
  await fetch(`${base}/api/events?q=${encodeURIComponent(planted.email)}&key=${encodeURIComponent(`user:${planted.keyEmail}`)}`);
  await fetch(`${base}/api/report?from=2026-11-20T09:00:00Z&to=${encodeURIComponent(planted.streamQuery)}`);
  const findings = (await (await fetch(`${base}/api/findings?limit=1`)).json()) as { items: Array<{ id: number }> };
  const status = await fetch(`${base}/api/findings/${findings.items[0]?.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ status: 'acknowledged', note: `asked ${planted.note} to fix it`, reviewer: 'compliance' }),
  });
  assert.equal(status.status < 300, true, `status change answered ${status.status}`);
  for (const format of ['md', 'csv']) writeFileSync(join(dir, `live-report.${format}`), await (await fetch(`${base}/api/report.${format}`)).text());
  live.kill('SIGTERM');
  await new Promise((resolve) => live.once('exit', resolve));
  outputs.push(serviceOutput);

  const files = readdirSync(dir).filter((f) => f !== 'app.log');
  assert.ok(files.some((f) => f.endsWith('-wal')) || files.includes('live.db'), 'the database files are there to search');
  for (const f of files) assert.deepEqual(leaksIn(readFileSync(join(dir, f))), [], `${f} holds planted values`);
  for (const [i, out] of outputs.entries()) assert.deepEqual(leaksIn(Buffer.from(out, 'latin1')), [], `output ${i} holds planted values`);
});
