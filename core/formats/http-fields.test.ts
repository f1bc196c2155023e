import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHttpFields } from './http-fields.ts';

const ESC = '\x1b';
const dim = (name: string): string => `${ESC}[2m${name}${ESC}[0m`;

test('all fields flyctl prints are read, dimmed names included, and the message starts after them', () => {
  const rest = `${dim('error.code=')}502 ${dim('request.method=')}"GET" ${dim('request.url=')}"/api/v2/bali-zero/chat-stream?query=x" `
    + `${dim('request.id=')}"01HABCDEF" ${dim('response.status=')}502 [PC01] instance refused connection`;
  const fields = parseHttpFields(rest, 0);
  assert.deepEqual(fields?.http, { errorCode: 502, method: 'GET', url: '/api/v2/bali-zero/chat-stream?query=x', requestId: '01HABCDEF', status: 502 });
  assert.equal(rest.slice(fields?.end), '[PC01] instance refused connection');
});

test('fields are read in any order, without colours', () => {
  const rest = 'response.status=429 request.method="POST" rest';
  const fields = parseHttpFields(rest, 0);
  assert.deepEqual(fields?.http, { status: 429, method: 'POST' });
  assert.equal(rest.slice(fields?.end), 'rest');
});

test('values are taken as printed: flyctl quotes with "%s", so backslashes are not escapes', () => {
  const fields = parseHttpFields('request.url="/search?q=a\\"b" msg', 0);
  assert.equal(fields?.http.url, '/search?q=a\\"b');
});

test('a line without fields, or with text that only looks like one, has no fields', () => {
  assert.equal(parseHttpFields(' {"level":"info"}', 0), null);
  assert.equal(parseHttpFields('request.id=unquoted value', 0), null);
  assert.equal(parseHttpFields('response.status=abc', 0), null);
  assert.equal(parseHttpFields('error.codes=5 ', 0), null);
  assert.equal(parseHttpFields('', 0), null);
});

test('a field that does not read cleanly stays in the message, after the good ones', () => {
  const rest = 'request.method="GET" request.url="/never-closed';
  const fields = parseHttpFields(rest, 0);
  assert.deepEqual(fields?.http, { method: 'GET' });
  assert.equal(rest.slice(fields?.end), 'request.url="/never-closed');
});

test('a value that ends the line is read', () => {
  assert.deepEqual(parseHttpFields('request.id="01H"', 0)?.http, { requestId: '01H' });
  assert.deepEqual(parseHttpFields('error.code=502', 0)?.http, { errorCode: 502 });
});
