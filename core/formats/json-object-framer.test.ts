import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonObjectFramer } from './json-object-framer.ts';

type Record = [text: string, lines: number, isObject: boolean];

function frame(lines: string[], multiLine = true): Record[] {
  const records: Record[] = [];
  const framer = new JsonObjectFramer(multiLine, (text, count, isObject) => records.push([text, count, isObject]));
  for (const line of lines) framer.line(line, false);
  framer.end();
  return records;
}

test('a pretty-printed object is one record with all its lines', () => {
  const lines = ['{', '    "level": "info",', '    "meta": {', '        "Event": {', '            "Provider": "app"', '        }', '    }', '}'];
  assert.deepEqual(frame(lines), [[lines.join('\n'), 8, true]]);
});

test('braces and quotes inside strings do not count', () => {
  const lines = ['{', '    "message": "{\\"level\\":\\"info\\",\\"a\\":\\"}}}\\\\\\"\\"}",', '    "x": "\\\\"', '}'];
  assert.deepEqual(frame(lines), [[lines.join('\n'), 4, true]]);
});

test('a new object at column 0 while one is open ends the open one as a cut-short record', () => {
  const lines = ['{', '    "level": "info",', '    "message": "cut', '{', '    "level": "warn"', '}'];
  assert.deepEqual(frame(lines), [
    ['{\n    "level": "info",\n    "message": "cut', 3, false],
    ['{\n    "level": "warn"\n}', 3, true],
  ]);
});

test('an object still open at the end is a cut-short record', () => {
  assert.deepEqual(frame(['{', '    "level": "info",']), [['{\n    "level": "info",', 2, false]]);
});

test('compact objects, several on one line, and text between objects are told apart', () => {
  assert.deepEqual(frame(['{"a":1}', '  {"b":{"c":2}}{"d":3}', 'not json', '', '}']), [
    ['{"a":1}', 1, true],
    ['{"b":{"c":2}}', 1, true],
    ['{"d":3}', 0, true],
    ['not json', 1, false],
    ['}', 1, false],
  ]);
});

test('in one-object-per-line mode an object must end on its line', () => {
  assert.deepEqual(frame(['{"a":', '{"b":2}'], false), [['{"a":', 1, false], ['{"b":2}', 1, true]]);
});

test('an object that grows past the line bound is given out as cut-short records, and the framer recovers', () => {
  const lines = ['{', ...Array.from({ length: 1500 }, (_, i) => `    "k${i}": ${i},`), '    "end": 0', '}', '{"after":1}'];
  const records = frame(lines);
  assert.ok(records.length >= 3);
  assert.ok(records.slice(0, -1).every(([, , isObject]) => !isObject));
  assert.equal(records.slice(0, -1).reduce((sum, [, count]) => sum + count, 0), 1503);
  assert.deepEqual(records.at(-1), ['{"after":1}', 1, true]);
});
