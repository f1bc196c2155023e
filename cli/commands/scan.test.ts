import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CommanderError } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { EnvironmentError, UsageError } from '../cli-context.ts';
import { scanCommand } from './scan.ts';

const SECRET = { FLIGHT_RECORDER_SECRET: 'scan-command-test-secret' };

const LEAKY_LOG = [
  '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]{"level":"info","message":"[Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: \\"What is ZANTARA?...\\"","timestamp":"2026-11-20T09:14:03.120Z"}',
  '2026-11-20T09:14:04Z app[4d895d5ec41638] sin [info]🚨 Rate limit exceeded for user:jane.doe@example.com on /chat-stream',
  '2026-11-20T09:14:05Z app[4d895d5ec41638] sin [info]GET /api/v2/bali-zero/chat-stream - 203.0.113.7',
  '2026-11-20T09:14:06Z app[4d895d5ec41638] sin [info][Stream] Starting stream: conn_1732190000001_a1b2c3d4e, query: "What is ZANTARA?..."',
  '',
].join('\n');

const CLEAN_LOG = [
  '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info][Stream] First token latency: 45ms for conn_1732190000000_k3j2h1g0f',
  '2026-11-20T09:14:04Z runner[5683606c41098e] lhr [info]Machine started in 1.397s',
  '',
].join('\n');

interface Run {
  code: number;
  out: string;
  err: string;
}

const dir = mkdtempSync(join(tmpdir(), 'scan-command-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** Runs `scan` in-process the way cli/main.ts does: a UsageError is exit 2 with its one line on stderr. */
async function scan(args: string[], env: NodeJS.ProcessEnv = SECRET, stdin = ''): Promise<Run> {
  const run: Run = { code: 0, out: '', err: '' };
  const ctx: CliContext = {
    stdout: (t) => { run.out += t; },
    stderr: (t) => { run.err += t; },
    stdin: Readable.from([Buffer.from(stdin)]),
    env,
    cwd: dir,
    now: () => Date.parse('2026-11-20T10:00:00Z'),
  };
  const command = scanCommand(ctx, (code) => { run.code = code; }).exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: () => {} });
  try {
    await command.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof UsageError || err instanceof EnvironmentError) {
      run.err += `flight-recorder: ${err.message}\n`;
      run.code = err.exitCode;
    } else if (err instanceof CommanderError) {
      run.code = 2;
    } else {
      throw err;
    }
  }
  return run;
}

test('a log with high findings prints a masked table and exits 1', async () => {
  const run = await scan([file('leaky.log', LEAKY_LOG)]);
  assert.equal(run.code, 1);
  const lines = run.out.trimEnd().split('\n');
  assert.equal(lines[0], 'scan: 4 entries, 4 findings (high 3, medium 0, low 1); 3 high findings to fix');
  assert.match(lines[1]!, /^rule\s+severity\s+field\s+preview\s+count\s+first seen\s+fingerprint\s+baseline$/);
  assert.match(run.out, /plaintext-query\s+high\s+message\s+Wh…16\s+2\s+2026-11-20T09:14:03Z\s+[0-9a-f]{12}\s+new/);
  assert.match(run.out, /email\s+high\s+message\s+…@example\.com\s+1/);
  assert.match(run.out, /ip-address\s+low\s+message\s+20…11\s+1/);
});

test('nothing printed holds the plaintext of a finding', async () => {
  const table = await scan([file('leaky.log', LEAKY_LOG)]);
  const json = await scan(['--json', 'leaky.log']);
  for (const text of [table.out, table.err, json.out, json.err]) {
    for (const secret of ['ZANTARA', 'jane', 'doe', '203.0.113.7']) assert.ok(!text.includes(secret), secret);
  }
});

test('--json prints one JSON document with every finding, masked and placed', async () => {
  const run = await scan(['--json', file('leaky.log', LEAKY_LOG)]);
  assert.equal(run.code, 1);
  const doc = JSON.parse(run.out) as { entries: number; summary: { high: number; highNotAccepted: number; byRule: Record<string, number> }; findings: { rule: string; time: string; instance: string; provider: string; preview: string; fingerprint: string; accepted: boolean }[] };
  assert.equal(doc.entries, 4);
  assert.deepEqual([doc.summary.high, doc.summary.highNotAccepted, doc.summary.byRule['plaintext-query']], [3, 3, 2]);
  const first = doc.findings[0]!;
  assert.deepEqual([first.rule, first.time, first.instance, first.provider, first.preview, first.accepted], ['plaintext-query', '2026-11-20T09:14:03Z', '4d895d5ec41638', 'app', 'Wh…16', false]);
  assert.match(first.fingerprint, /^[0-9a-f]{64}$/);
  assert.equal(doc.findings[0]!.fingerprint, doc.findings.find((f, i) => i > 0 && f.rule === 'plaintext-query')!.fingerprint, 'one query, one fingerprint');
});

test('a clean log exits 0 and says there is nothing', async () => {
  const run = await scan([file('clean.log', CLEAN_LOG)]);
  assert.deepEqual([run.code, run.out], [0, 'scan: 2 entries, no findings\n']);
});

test('the log can come from stdin', async () => {
  const run = await scan(['-'], SECRET, LEAKY_LOG);
  assert.equal(run.code, 1);
  assert.match(run.out, /^scan: 4 entries, 4 findings/);
});

test('a written baseline accepts the findings it saw, and a new leak still fails', async () => {
  const written = await scan(['--write-baseline', 'baseline.json', file('leaky.log', LEAKY_LOG)]);
  assert.equal(written.code, 0);
  const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { version: number; fingerprints: string[] };
  assert.equal(baseline.version, 1);
  assert.equal(baseline.fingerprints.length, 2, 'the query and the e-mail; the low IP finding is not a high one');
  assert.match(written.err, /wrote 2 fingerprints to baseline\.json/);

  const same = await scan(['--baseline', 'baseline.json', 'leaky.log']);
  assert.equal(same.code, 0);
  assert.match(same.out, /every high finding is in the baseline/);
  assert.match(same.out, /accepted/);

  const more = await scan(['--baseline', 'baseline.json', file('more.log', `${LEAKY_LOG}2026-11-20T09:15:00Z app[4d895d5ec41638] sin [info]card 4111 1111 1111 1111 declined\n`)]);
  assert.equal(more.code, 1);
  assert.match(more.out, /1 high findings not in the baseline/);
});

test('a baseline is only valid with the secret it was written with', async () => {
  await scan(['--write-baseline', 'baseline.json', file('leaky.log', LEAKY_LOG)]);
  const other = await scan(['--baseline', 'baseline.json', 'leaky.log'], { FLIGHT_RECORDER_SECRET: 'another-secret' });
  assert.equal(other.code, 1);
});

test('baselines without FLIGHT_RECORDER_SECRET are refused with exit 2 and what to do', async () => {
  for (const args of [['--baseline', 'baseline.json', 'leaky.log'], ['--write-baseline', 'b.json', 'leaky.log']]) {
    const run = await scan(args, {});
    assert.equal(run.code, 2);
    assert.match(run.err, /needs FLIGHT_RECORDER_SECRET .*set it/);
    assert.equal(run.err.trimEnd().split('\n').length, 1);
  }
});

test('without a secret the scan still runs, and says its fingerprints are random', async () => {
  const run = await scan([file('leaky.log', LEAKY_LOG)], {});
  assert.equal(run.code, 1);
  assert.match(run.err, /FLIGHT_RECORDER_SECRET is not set: fingerprints are random for this run/);
});

test('a missing file, a bad baseline and a bad format are usage errors with one line', async () => {
  const missing = await scan(['nope.log']);
  assert.deepEqual([missing.code, missing.err], [2, 'flight-recorder: cannot read nope.log: no such file (check the path)\n']);
  const bad = await scan(['--baseline', file('bad.json', '{"version":1,"fingerprints":["jane@example.com"]}'), file('leaky.log', LEAKY_LOG)]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /the baseline bad\.json is not one \(a fingerprint is not 64 lower-case hex characters\): write it again/);
  assert.ok(!bad.err.includes('jane'), 'the baseline text is not quoted');
  const noBaseline = await scan(['--baseline', 'absent.json', 'leaky.log']);
  assert.match(noBaseline.err, /cannot read the baseline absent\.json: no such file/);
  const format = await scan(['--format', 'xml', 'leaky.log']);
  assert.equal(format.code, 2);
});

test('the table escapes control characters that come from the log', async () => {
  const run = await scan([file('ctl.log', '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]{"\\u001b[31m":"jane@example.com"}\n')]);
  assert.ok(!run.out.includes('\u001b'));
});
