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
  const [a, n, b] = root.members;
  assert.equal(text.slice(a!.key.start, a!.key.end), 'a');
  assert.deepEqual([text.slice(a!.value.start, a!.value.end), a!.value.kind === 'string' && a!.value.escaped], ['x\\"y', true]);
  assert.equal(text.slice(n!.value.start, n!.value.end), '-1.5e3');
  assert.equal(b!.value.kind, 'array');
});

test('text that is not JSON reads as null, whatever breaks it', () => {
  for (const bad of ['[Stream] x', '{"a":1', '{"a" 1}', '{a:1}', '{"a":tru}', '"open', '[1,]x']) assert.equal(parseJsonSpans(bad), null, bad);
});

test('nesting deeper than the bound is refused, not a stack overflow', () => {
  assert.equal(parseJsonSpans('['.repeat(MAX_JSON_DEPTH + 2) + ']'.repeat(MAX_JSON_DEPTH + 2)), null);
  assert.ok(parseJsonSpans('['.repeat(10) + ']'.repeat(10)) !== null);
});
