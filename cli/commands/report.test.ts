import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.ts';
import type { CliContext } from '../cli-context.ts';
import { Store } from '../../core/store/store.ts';
import { StagingLog, ingestLog } from '../../core/store/queries/staging-log.ts';
import type { Report } from '../../core/report.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const ENV = { FLIGHT_RECORDER_SECRET: 'report-command-tests-secret-report-command' };

/** A database of one staging hour: 25 good streams, or 25 that fail. */
function database(failing: boolean): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fr-report-'));
  const path = join(dir, 'flight-recorder.db');
  const log = new StagingLog(START);
  for (let i = 0; i < 25; i++) {
    const conn = `conn_${START + i}_c${i}`;
    if (failing) log.fail(i * 60, conn);
    else log.open(i * 60, conn, { lines: 'audit' }).complete(i * 60 + 3, conn, { durationMs: 3000, tokens: 101, firstTokenMs: 70 });
  }
  log.noise(3599);
  const store = Store.open(path, { env: ENV });
  ingestLog(store, log);
  store.close();
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => (out += t), stderr: (t) => (err += t), stdin: new PassThrough(), env: ENV, cwd: tmpdir(),
    now: () => Date.parse('2026-11-20T10:30:00Z'),
  };
  const code = await main(args, ctx);
  return { code, out, err };
}

test('report prints the JSON report by default, with relative windows counted back from now', async (t) => {
  const db = database(false);
  t.after(db.cleanup);
  const { code, out } = await run(['report', '--db', db.path, '--from', '-90m', '--to', '-30m']);
  assert.equal(code, 0);
  const report = JSON.parse(out) as Report;
  assert.deepEqual(report.window, { from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T10:00:00.000Z' });
  assert.equal(report.connections.opened, 25);
  assert.equal(report.bucket, '1m');
  assert.equal(report.series.length, 60);
});

test('--check exits 1 when a target fails, and 0 when none fails; --strict also fails on what cannot be judged', async (t) => {
  const bad = database(true);
  const good = database(false);
  t.after(() => { bad.cleanup(); good.cleanup(); });
  assert.equal((await run(['report', '--db', bad.path, '--check'])).code, 1);
  assert.equal((await run(['report', '--db', bad.path])).code, 0, 'without --check a failed target is only reported');
  assert.equal((await run(['report', '--db', good.path, '--check'])).code, 0);
  const strict = await run(['report', '--db', good.path, '--check', '--strict', '--from', '2026-11-20T09:00:00Z', '--to', '2026-11-20T09:05:00Z']);
  assert.equal(strict.code, 1, 'five attempts cannot judge the rates: with --strict that fails');
});

test('--format md prints the staging test report, --format csv the series or, with --bucket none, a summary', async (t) => {
  const db = database(true);
  t.after(db.cleanup);
  const md = await run(['report', '--db', db.path, '--format', 'md']);
  assert.equal(md.code, 0);
  assert.match(md.out, /^# SSE Streaming Staging Test Report\n/);
  assert.match(md.out, /^- Date: 2026-11-20$/m);
  assert.match(md.out, /^- \[x\] Rollback recommended$/m);
  const series = await run(['report', '--db', db.path, '--format', 'csv', '--bucket', '5m']);
  const lines = series.out.split('\r\n');
  assert.equal(lines[0], 'bucket_start,metric,value');
  assert.equal(lines[1], '2026-11-20T09:00:00.000Z,opened,0');
  assert.ok(lines.includes('2026-11-20T09:00:00.000Z,failed,5'));
  const summary = await run(['report', '--db', db.path, '--format', 'csv', '--bucket', 'none']);
  assert.ok(summary.out.startsWith('metric,value\r\n'));
  assert.ok(summary.out.includes('\r\nconnections.failed,25\r\n'));
});

test('a bad bucket, a bad time or a missing database is bad usage: exit 2 with one line saying what to do', async (t) => {
  const db = database(false);
  t.after(db.cleanup);
  const bucket = await run(['report', '--db', db.path, '--bucket', '2m']);
  assert.equal(bucket.code, 2);
  assert.match(bucket.err, /--bucket/);
  const time = await run(['report', '--db', db.path, '--from', 'yesterday']);
  assert.equal(time.code, 2);
  const missing = await run(['report', '--db', join(tmpdir(), 'fr-report-none', 'x.db')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no database at .*ingest a log first/);
  const tooMany = await run(['report', '--db', db.path, '--from', '2020-01-01T00:00:00Z', '--bucket', '1m']);
  assert.equal(tooMany.code, 2);
  assert.match(tooMany.err, /buckets .*--bucket/);
});
