import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonStringMembers } from './json-string-members.ts';

const KEYS = ['message', 'operation'];

/** What JSON.parse tells of the same text: each key's string value or null; undefined when it is no JSON object. */
function parsed(text: string): (string | null)[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    return KEYS.map((k) => {
      const x = (v as Record<string, unknown>)[k];
      return typeof x === 'string' ? x : null;
    });
  } catch {
    return undefined;
  }
}

test('the fields of a line, without building its object', () => {
  assert.deepEqual(jsonStringMembers('{"level":"info","message":"[AUDIT]","operation":"stream.chat","n":-1.5e3,"m":{"message":"inner"}}', KEYS), ['[AUDIT]', 'stream.chat']);
  assert.deepEqual(jsonStringMembers('{"message":1}', KEYS), [null, null]);
  assert.deepEqual(jsonStringMembers('{"message":"a","message":"b"}', KEYS), ['b', null], 'the last of repeated keys');
  assert.deepEqual(jsonStringMembers('{"mess\\u0061ge":"x\\"y\\u00e9"}', KEYS), ['x"yé', null], 'escapes in names and values');
  assert.deepEqual(jsonStringMembers('{ "message" : "x" }', KEYS), ['x', null]);
});

test('not sure is no answer: the caller parses', () => {
  for (const text of ['{"message":"a\tb"}', '{"message":"a"}\n', '{"a":01}', '{"a":1,}', '{"a":"\\x"}', '{"a":[1 2]}', '[1]', ' {"a":1}', '{"a":1} x', `{"a":${'['.repeat(70)}${']'.repeat(70)}}`]) {
    assert.equal(jsonStringMembers(text, KEYS), undefined, text);
  }
});

test('whenever it answers, JSON.parse answers the same', () => {
  const pieces = ['"', '\\', '\\"', '\\u', '\\u00e9', '\\uD83D', '\\n', '{', '}', '[', ']', ',', ':', ' ', '0', '-', '1e5', '.5', '01', 'true', 'nul', 'null',
    '"message":', '"message":"x"', '"operation":"op"', '"a":[1,{"message":"in"}]', 'é', '"mess\\u0061ge":"e"', '""', '"a":'];
  let seed = 9;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let answered = 0;
  for (let i = 0; i < 100_000; i++) {
    let text = '{';
    for (let k = Math.floor(random() * 8); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
    if (random() < 0.8) text += '}';
    const got = jsonStringMembers(text, KEYS);
    if (got === undefined) continue;
    answered++;
    assert.deepEqual(got, parsed(text), text);
  }
  assert.ok(answered > 1000, `${answered} answered`);
});
