import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransportFormat } from '../../core/entry.ts';
import { simulate, simulateBytes, type SimulationOptions } from './simulate.ts';

const START = Date.parse('2026-11-20T09:00:00Z');
const run = (o: Partial<SimulationOptions> & { format: TransportFormat }): string => [...simulate({ seed: 7, start: START, lines: 1500, ...o })].join('');

test('the same seed and start give the same bytes, in every format', () => {
  for (const format of ['plain', 'json', 'nats', 'app'] as const) assert.equal(run({ format }), run({ format }), format);
});

test('another seed or another start tells another story', () => {
  const base = run({ format: 'plain' });
  assert.notEqual(run({ format: 'plain', seed: 8 }), base);
  assert.notEqual(run({ format: 'plain', start: START + 60_000 }), base);
});

test('without quirks every plain line is one entry, and there are as many as asked for', () => {
  const lines = run({ format: 'plain', quirks: false, lines: 1200 }).split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 1200);
  const prefix = /^(\x1b\[2merror\.message=\x1b\[0m"[^"]*" )?\x1b\[2m\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\x1b\[0m (app|proxy|runner|health)\[[0-9a-f]{14}\] \x1b\[32m(sin|sjc)\x1b\[0m \[\x1b\[3[1346]m(info|warn|error)\x1b\[0m\]/;
  for (const line of lines) assert.match(line, prefix);
});

test('a duration bounds the timestamps to [start, start + duration)', () => {
  const out = run({ format: 'nats', quirks: false, lines: undefined, durationS: 120 });
  const times = out.trim().split('\n').map((l) => Date.parse((JSON.parse(l) as { timestamp: string }).timestamp));
  assert.ok(times.length > 100);
  assert.ok(times.every((t) => t >= START && t < START + 120_000));
  for (let i = 1; i < times.length; i++) assert.ok((times[i] as number) >= (times[i - 1] as number), 'time order');
});

test('fly logs --json is a stream of 4-space pretty objects with every field, nanosecond timestamps', () => {
  const out = run({ format: 'json', quirks: false, lines: 400 });
  const objects = out.split(/(?<=\n\})\n/).filter((s) => s.trim() !== '');
  assert.equal(objects.length, 400);
  for (const text of objects) {
    const o = JSON.parse(text) as Record<string, unknown> & { meta: { HTTP: { Request: object; Response: object }; Error: object; URL: object; Event: object } };
    assert.deepEqual(Object.keys(o), ['level', 'instance', 'message', 'region', 'timestamp', 'meta']);
    assert.deepEqual(Object.keys(o.meta), ['Instance', 'Region', 'Event', 'HTTP', 'Error', 'URL']);
    assert.deepEqual(Object.keys(o.meta.HTTP.Request), ['ID', 'Method', 'Version']);
    assert.deepEqual(Object.keys(o.meta.HTTP.Response), ['status_code']);
    assert.deepEqual(Object.keys(o.meta.Error), ['Code', 'Message']);
    assert.deepEqual(Object.keys(o.meta.URL), ['Full']);
    assert.deepEqual(Object.keys(o.meta.Event), ['Provider']);
    assert.match(o['timestamp'] as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    // Go's encoder: 4-space indent, HTML characters escaped.
    const go = JSON.stringify(o, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    assert.equal(text, go);
  }
});

test('NATS messages are one compact object per line, as fly-log-shipper reads them', () => {
  for (const line of run({ format: 'nats', quirks: false, lines: 300 }).trim().split('\n')) {
    const o = JSON.parse(line) as { event: { provider: string }; fly: { app: { instance: string; name: string }; region: string }; host: string; log: { level: string }; message: string; timestamp: string };
    assert.deepEqual(Object.keys(o), ['event', 'fly', 'host', 'log', 'message', 'timestamp']);
    assert.equal(o.fly.app.name, 'nuzantara-backend');
    assert.match(o.fly.app.instance, /^[0-9a-f]{14}$/);
    assert.match(o.timestamp, /\.\d{9}Z$/);
  }
});

test('the app format is one machine’s combined.log: winston JSON lines with millisecond timestamps', () => {
  for (const line of run({ format: 'app', quirks: false, lines: 300 }).trim().split('\n')) {
    const o = JSON.parse(line) as { level: string; message: string; timestamp: string; service: string };
    assert.ok(['info', 'warn', 'error', 'http'].includes(o.level), o.level);
    assert.equal(typeof o.message, 'string');
    assert.match(o.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(o.service, 'nuzantara-backend');
  }
});

test('plain and json carry the same instants: whole seconds are the nanosecond times floored', () => {
  const plain = run({ format: 'plain', quirks: false, lines: 500 }).trim().split('\n');
  const json = run({ format: 'json', quirks: false, lines: 500 }).split(/(?<=\n\})\n/).filter((s) => s.trim() !== '');
  assert.equal(plain.length, json.length);
  for (let i = 0; i < plain.length; i++) {
    const second = /\x1b\[2m(\d{4}-[^\x1b]+Z)\x1b\[0m/.exec(plain[i] as string)?.[1];
    const nano = (JSON.parse(json[i] as string) as { timestamp: string }).timestamp;
    assert.equal(second, nano.slice(0, 19) + 'Z');
  }
});

test('the byte output differs from the text only where invalid UTF-8 travels', () => {
  const text = run({ format: 'plain' });
  const bytes = Buffer.concat([...simulateBytes({ seed: 7, start: START, lines: 1500, format: 'plain' })]);
  assert.notDeepEqual(bytes, Buffer.from(text));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  assert.equal(new TextDecoder('utf-8').decode(bytes), text);
});
