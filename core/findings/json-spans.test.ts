import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH, parseJsonSpans } from './json-spans.ts';
import type { JsonObject } from './json-spans.ts';

test('members keep the spans of their keys and string contents, escapes noted', () => {
  const text = '{"a": "x\\"y", "n": -1.5e3, "b": [true, null]} tail';
  const parsed = parseJsonSpans(text);
  assert.ok(parsed !== null);
  assert.equal(text.slice(parsed.end), ' tail');
  const root = parsed.node as JsonObject;
  assert.deepEqual(root.keys.map((k) => text.slice(k.start, k.end)), ['a', 'n', 'b']);
  const [a, n, b] = root.values;
  assert.deepEqual([text.slice(a!.start, a!.end), a!.kind === 'string' && a!.escaped], ['x\\"y', true]);
  assert.equal(text.slice(n!.start, n!.end), '-1.5e3');
  assert.equal(b!.kind, 'array');
});

test('text that is not JSON reads as null, whatever breaks it', () => {
  for (const bad of ['[Stream] x', '{"a":1', '{"a" 1}', '{a:1}', '{"a":tru}', '"open', '[1,]x']) assert.equal(parseJsonSpans(bad), null, bad);
});

test('nesting deeper than the bound is refused, not a stack overflow', () => {
  assert.equal(parseJsonSpans('['.repeat(MAX_JSON_DEPTH + 2) + ']'.repeat(MAX_JSON_DEPTH + 2)), null);
  assert.ok(parseJsonSpans('['.repeat(10) + ']'.repeat(10)) !== null);
});
