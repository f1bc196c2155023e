import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', 'bin', 'flight-recorder.mjs');
const ENV = { ...process.env, FLIGHT_RECORDER_SECRET: 'closed-output-tests-secret-closed-output-tests' };

/**
 * Runs the installed command with its output read as `| head -c 1` would: the pipe is closed after the first
 * chunk, while the command still has plenty to write. Answers its exit code and what it wrote to stderr.
 */
function runIntoClosedPipe(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms with nobody reading`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function assertQuiet(stderr: string): void {
  assert.doesNotMatch(stderr, /EPIPE|\n\s+at |internal error/, stderr);
}

test('a reader that stops early (| head) ends the command quietly, with the exit code of its own verdict', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-closed-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = join(dir, 'staging.log');
  const simulated = spawnSync(process.execPath, [BIN, 'simulate', '--lines', '3000', '--seed', '7'], { env: ENV, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(simulated.status, 0, simulated.stderr);
  writeFileSync(log, simulated.stdout);

  // Far more than a pipe holds (64 KB), so writes go on after the reader has gone.
  const scan = await runIntoClosedPipe(['scan', '--json', log], 60_000);
  assertQuiet(scan.stderr);
  assert.equal(scan.code, 1, 'the simulated log leaks: the gate still says so');

  const bounded = await runIntoClosedPipe(['simulate', '--lines', '20000'], 60_000);
  assertQuiet(bounded.stderr);
  assert.equal(bounded.code, 0);
});

test('simulate --follow stops when nobody reads its output any more', async () => {
  const follow = await runIntoClosedPipe(['simulate', '--follow', '--rate', '2000'], 30_000);
  assertQuiet(follow.stderr);
  assert.equal(follow.code, 0);
});
