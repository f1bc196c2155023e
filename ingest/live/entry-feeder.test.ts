import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry } from '../../core/entry.ts';
import type { FormatChoice } from '../read-entries.ts';
import { EntryFeeder } from './entry-feeder.ts';

interface Fed {
  feeder: EntryFeeder;
  /** What came out, in order: entry messages and `@offset` for boundaries. */
  log: string[];
  push(text: string): void;
}

/** Positions are plain byte offsets here, as a file source's would be. */
function feed(format: FormatChoice): Fed {
  const log: string[] = [];
  let offset = 0;
  const feeder = new EntryFeeder(
    format,
    { now: () => Date.parse('2026-11-20T09:00:00Z') },
    {
      entries: (entries: LogEntry[]) => log.push(...entries.map((e) => (e.unparsed ? `unparsed:${e.message}` : e.message))),
      boundary: (at) => log.push(`@${String(at)}`),
    },
    0,
  );
  return {
    feeder,
    log,
    push(text) {
      const bytes = Buffer.from(text);
      const base = offset;
      offset += bytes.length;
      feeder.push(bytes, (n) => base + n);
    },
  };
}

const A = '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]first\n';
const B = '2026-11-20T09:14:04Z app[4d895d5ec41638] sin [info]second\n';
const TRACE = '    at handle (/app/stream.js:10:5)\n';

test('in fly logs text an entry ends where the next one starts: the checkpoint may point there', () => {
  const f = feed('plain');
  f.push(A + B);
  assert.deepEqual(f.log, ['first', `@${A.length}`]);
});

test('continuation lines belong to the entry above: no checkpoint inside a stack trace', () => {
  const f = feed('plain');
  f.push(A + TRACE + TRACE);
  assert.deepEqual(f.log, []);
  f.push(B);
  const frame = TRACE.slice(0, -1);
  assert.deepEqual(f.log, [`first\n${frame}\n${frame}`, `@${A.length + 2 * TRACE.length}`]);
});

test('an unfinished line waits for its end, however the bytes were cut', () => {
  const f = feed('plain');
  const bytes = Buffer.from(A + B.replace('second', 'sécond ✓'));
  const cut = A.length + 60;
  // One byte at a time: multi-byte characters are cut too.
  for (let i = 0; i < cut; i++) f.feeder.push(bytes.subarray(i, i + 1), (n) => i + n);
  assert.deepEqual(f.log, [], 'the second line is not complete: the first entry may still have continuations');
  f.feeder.push(bytes.subarray(cut), (n) => cut + n);
  f.feeder.flush();
  assert.deepEqual(f.log, ['first', `@${A.length}`, 'sécond ✓', `@${bytes.length}`]);
});

test('going quiet lets the held entry out and checkpoints after the last complete line, never inside the unfinished one', () => {
  const f = feed('plain');
  f.push(A + B + '2026-11-20T09:14:05Z app[4d8');
  f.feeder.flush();
  assert.deepEqual(f.log, ['first', `@${A.length}`, 'second', `@${A.length + B.length}`]);
});

test('a garbage line after a parsed entry is an entry of its own that ends at its line end', () => {
  const f = feed('plain');
  f.push(A + 'garbage \u0001\u0002 bytes\n');
  assert.deepEqual(f.log, ['first', 'unparsed:garbage \u0001\u0002 bytes', `@${A.length + 'garbage \u0001\u0002 bytes\n'.length}`]);
});

test('in the one-object-a-line formats every line is a checkpoint', () => {
  const f = feed('nats');
  const m1 = '{"event":{"provider":"app"},"fly":{"app":{"instance":"0e286551c30586"},"region":"sjc"},"log":{"level":"info"},"message":"one","timestamp":"2026-11-20T09:14:03.660159411Z"}\n';
  const m2 = m1.replace('"one"', '"two"');
  f.push(m1 + m2);
  assert.deepEqual(f.log, ['one', `@${m1.length}`, 'two', `@${m1.length + m2.length}`]);
});

test('with auto the format is decided on the first bytes, and lines wait until it is', () => {
  const f = feed('auto');
  f.push(A + B);
  assert.deepEqual(f.log, []);
  f.feeder.flush();
  assert.equal(f.feeder.detectedFormat, 'plain');
  assert.deepEqual(f.log, ['first', `@${A.length}`, 'second', `@${A.length + B.length}`]);
});

test('a finished stream gives up its unfinished last line, and a restart checkpoints at the new stream start', () => {
  const f = feed('plain');
  f.push(A + '2026-11-20T09:14:05Z app[4d895d5ec41638] sin [info]cut off');
  f.feeder.finish();
  f.feeder.restart(0);
  assert.deepEqual(f.log, ['first', 'cut off', '@0']);
});
