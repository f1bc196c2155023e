import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry } from '../entry.ts';
import { UnparsedStamper } from './unparsed-stamper.ts';

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0, 345);

function parsedAt(time: string, timeMs: number, precision: LogEntry['precision']): LogEntry {
  return { time, timeMs, precision, instance: 'i', provider: 'app', region: 'sin', level: 'info', message: 'm', format: 'json', unparsed: false, lines: 1 };
}

test('an unparsed record takes the time of the latest parsed entry before it', () => {
  const stamper = new UnparsedStamper('json', 'subsecond', () => NOW);
  const out: LogEntry[] = [];
  stamper.parsed(parsedAt('2026-11-20T09:14:03.660159411Z', Date.UTC(2026, 10, 20, 9, 14, 3, 660), 'subsecond'), out);
  stamper.unparsed('not json', 1, out);
  assert.deepEqual(out, [{
    time: '2026-11-20T09:14:03.660159411Z', timeMs: Date.UTC(2026, 10, 20, 9, 14, 3, 660), precision: 'subsecond',
    instance: '', provider: '', region: '', level: '', message: 'not json', format: 'json', unparsed: true, lines: 1,
  }]);
});

test('records before any parsed entry wait for the first one and go out before it, with its time', () => {
  const stamper = new UnparsedStamper('plain', 'second', () => NOW);
  const out: LogEntry[] = [];
  stamper.unparsed('a', 1, out);
  stamper.unparsed('b', 2, out);
  assert.equal(out.length, 0);
  stamper.parsed(parsedAt('2026-11-20T09:14:03Z', Date.UTC(2026, 10, 20, 9, 14, 3), 'second'), out);
  assert.deepEqual(out.map((e) => [e.message, e.lines, e.time, e.precision]), [['a', 1, '2026-11-20T09:14:03Z', 'second'], ['b', 2, '2026-11-20T09:14:03Z', 'second']]);
});

test('records still waiting at the end get the clock time at the format precision', () => {
  const plain = new UnparsedStamper('plain', 'second', () => NOW);
  const out: LogEntry[] = [];
  plain.unparsed('a', 1, out);
  plain.end(out);
  assert.deepEqual(out.map((e) => [e.time, e.timeMs, e.precision]), [['2030-01-01T12:00:00Z', Date.UTC(2030, 0, 1, 12), 'second']]);
  const json = new UnparsedStamper('json', 'subsecond', () => NOW);
  const jsonOut: LogEntry[] = [];
  json.unparsed('a', 1, jsonOut);
  json.end(jsonOut);
  assert.equal(jsonOut[0]?.time, '2030-01-01T12:00:00.345Z');
});

test('waiting is bounded: past 1,000 lines the waiting records go out with the clock time', () => {
  const stamper = new UnparsedStamper('plain', 'second', () => NOW);
  const out: LogEntry[] = [];
  for (let i = 0; i < 1000; i++) stamper.unparsed(`line ${i}`, 1, out);
  assert.equal(out.length, 0);
  stamper.unparsed('one too many', 1, out);
  assert.equal(out.length, 1001);
  assert.ok(out.every((e) => e.time === '2030-01-01T12:00:00Z'));
});

test('waiting is bounded: past 1 MiB the waiting records go out', () => {
  const stamper = new UnparsedStamper('plain', 'second', () => NOW);
  const out: LogEntry[] = [];
  stamper.unparsed('x'.repeat(600 * 1024), 1, out);
  assert.equal(out.length, 0);
  stamper.unparsed('y'.repeat(600 * 1024), 1, out);
  assert.equal(out.length, 2);
});

test('a clock that throws does not stop the reader', () => {
  const stamper = new UnparsedStamper('plain', 'second', () => { throw new Error('clock broke'); });
  const out: LogEntry[] = [];
  stamper.unparsed('a', 1, out);
  stamper.end(out);
  assert.equal(out.length, 1);
  assert.match(out[0]?.time ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});
