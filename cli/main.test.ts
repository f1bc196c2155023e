import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from './main.ts';
import type { CliContext } from './cli-context.ts';

function context(): CliContext & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stdin: new PassThrough(),
    env: {},
    cwd: process.cwd(),
    now: () => Date.parse('2026-11-20T12:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

test('--help lists every command of the interface', async () => {
  const ctx = context();
  assert.equal(await main(['--help'], ctx), 0);
  for (const name of ['start', 'ingest', 'report', 'scan', 'lookup', 'erase', 'simulate']) assert.match(ctx.out(), new RegExp(`\\n\\s+${name}\\b`));
});

test('--version prints the version', async () => {
  const ctx = context();
  assert.equal(await main(['--version'], ctx), 0);
  assert.match(ctx.out(), /^\d+\.\d+\.\d+\n$/);
});

test('an unknown option of a command is bad usage: exit 2 and one line on stderr', async () => {
  const ctx = context();
  assert.equal(await main(['report', '--frm', '-1h'], ctx), 2);
  assert.equal(ctx.err().trim().split('\n').length, 1);
  assert.match(ctx.err(), /unknown option '--frm'/);
});

test('a relative --from that starts with a dash is a value, not an option', async () => {
  const ctx = context();
  const code = await main(['report', '--db', '/nonexistent/x.db', '--from', '-1h'], ctx);
  assert.equal(code, 2);
  assert.match(ctx.err(), /no database at \/nonexistent\/x\.db/);
});

test('an unreadable input file is bad input with a clear line', async () => {
  const ctx = context();
  assert.equal(await main(['ingest', '--db', '/tmp/never-created.db', '/nonexistent/app.log'], ctx), 2);
  assert.match(ctx.err(), /cannot read \/nonexistent\/app\.log: no such file/);
});
