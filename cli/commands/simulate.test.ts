import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../cli-context.ts';
import { simulate, simulateTruth } from '../../ingest/simulator/simulate.ts';
import { simulateCommand } from './simulate.ts';

const START = '2026-11-20T09:00:00Z';

function harness(now: () => number = () => Date.parse('2026-11-20T12:00:00Z')) {
  const out: string[] = [];
  const ctx: CliContext = { stdout: (t) => out.push(t), stderr: () => {}, stdin: new PassThrough(), env: {}, cwd: process.cwd(), now };
  const run = (...args: string[]) =>
    simulateCommand(ctx, () => {}).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} }).parseAsync(args, { from: 'user' });
  return { out, run };
}

test('simulate writes what the simulator writes, and the truth of exactly that output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'simulate-cli-'));
  try {
    const truthFile = join(dir, 'truth.json');
    const { out, run } = harness();
    await run('--seed', '3', '--start', START, '--lines', '800', '--format', 'nats', '--truth', truthFile);
    const options = { seed: 3, start: Date.parse(START), lines: 800, format: 'nats' as const, leaks: true, quirks: true, replay: false };
    assert.equal(out.join(''), [...simulate(options)].join(''));
    assert.deepEqual(JSON.parse(readFileSync(truthFile, 'utf8')), simulateTruth(options));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--start takes a relative time, and --no-leaks a backend that leaks nothing', async () => {
  const { out, run } = harness();
  await run('--start', '-2h', '--lines', '300', '--no-leaks', '--no-quirks');
  const text = out.join('');
  assert.match(text, /^\x1b\[2m2026-11-20T10:00:00Z/);
  assert.ok(!text.includes('Starting stream') && !text.includes('?query='));
});

test('bad usage is refused with a usage error', async () => {
  const { run } = harness();
  for (const args of [
    ['--lines', '0'],
    ['--lines', '12', '--duration', '60'],
    ['--duration', 'soon'],
    ['--rate', '5'],
    ['--start', 'yesterday-ish'],
    ['--seed', 'abc'],
    ['--follow', '--truth', 'x.json'],
  ]) {
    await assert.rejects(run(...args), UsageError, args.join(' '));
  }
  await assert.rejects(run('--format', 'xml'), (err: Error) => err.name === 'CommanderError');
});

test('--follow writes in real time, with timestamps on the clock', async () => {
  const { out, run } = harness(() => Date.now());
  const before = Date.now();
  await run('--follow', '--rate', '4000', '--lines', '40', '--format', 'nats', '--no-quirks');
  const lines = out.join('').trim().split('\n');
  assert.equal(lines.length, 40);
  const first = Date.parse((JSON.parse(lines[0] as string) as { timestamp: string }).timestamp);
  assert.ok(first >= before - 1000 && first <= Date.now(), 'stamped with the current time');
});
