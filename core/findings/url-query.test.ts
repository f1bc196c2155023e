import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQueryRanges, splitQueryParams } from './url-query.ts';

function queries(text: string, wholeUrl = false): string[] {
  return findQueryRanges(text, 0, text.length, wholeUrl, []).map((r) => text.slice(r.start, r.end));
}

function params(query: string): [string, string | null][] {
  return splitQueryParams(query, 0, query.length).map((p) => [query.slice(p.nameStart, p.nameEnd), p.valueStart < 0 ? null : query.slice(p.valueStart, p.valueEnd)]);
}

test('a query string runs to the end of the line, spaces and question marks included', () => {
  assert.deepEqual(queries('Request started: GET /api/v2/chat-stream?query=What is ZANTARA?\nnext line'), ['query=What is ZANTARA?']);
});

test('a question mark counts only after a path and before a name and equals sign', () => {
  assert.deepEqual(queries('is your app listening on 0.0.0.0:8080? Did it work?status=1'), []);
  assert.deepEqual(queries('?q=x'), ['q=x']);
});

test("Fly's request URL starts its query at the first question mark", () => {
  assert.deepEqual(queries('/x?flag', true), ['flag']);
});

test('an ampersand in an unencoded value does not start a parameter unless a name and equals sign follow', () => {
  // A piece without `=` is read as part of the value before it: redacting too much beats leaving half a query.
  assert.deepEqual(params('query=Tom & Jerry&lang=en&flag'), [['query', 'Tom & Jerry'], ['lang', 'en&flag']]);
  assert.deepEqual(params('flag&q=1'), [['flag', null], ['q', '1']]);
});
