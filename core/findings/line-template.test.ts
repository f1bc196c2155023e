import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineTemplate } from './line-template.ts';

test('a leak source is the line without its ids, numbers and redacted values', () => {
  assert.equal(
    lineTemplate('[Stream] Starting stream: conn_1732190000000_k3j2h1g0f, query: [REDACTED:plaintext-query]'),
    '[Stream] Starting stream: <id>, query: <…>',
  );
  assert.equal(
    lineTemplate('[3ccc000b892ab9dad82dbe2e95200a86] Request started: GET /api/v2/bali-zero/chat-stream?query=[REDACTED:plaintext-query]'),
    '[<id>] Request started: GET /api/v2/bali-zero/chat-stream?<…>',
  );
});

test('an audit line is known by its operation', () => {
  assert.equal(lineTemplate('{"message":"[AUDIT]","operation":"stream.chat","userEmail":"[REDACTED:email]"}'), '[AUDIT] stream.chat');
});

test('words are not ids', () => {
  assert.equal(lineTemplate('Query cache warmed for deadbeefcafe'), 'Query cache warmed for deadbeefcafe');
});

test('the quick tests before each replacement never skip one that would match', () => {
  // The chain of replacements as written before the tests were put in front of them.
  const reference = (text: string): string => {
    const t = text
      .replace(/\[REDACTED:[a-z-]+\]/g, '<…>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
      .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>')
      .replace(/\b(?=[0-9a-f]*[0-9])[0-9a-f]{12,}\b/gi, '<id>')
      .replace(/\bconn_\d+_[A-Za-z0-9]+/g, '<id>')
      .replace(/\?[^\s"]*/g, '?<…>')
      .replace(/\b\d+(\.\d+)?(ms|s)?\b/g, '<n>');
    return t.length > 160 ? `${t.slice(0, 160)}…` : t;
  };
  const pieces = ['550e8400-e29b-41d4-a716-446655440000', '550E8400-E29B-41D4-A716-44665544000', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '01ARZ3NDEKTSV4RRFFQ69G5FA',
    '3ccc000b892ab9dad82dbe2e95200a86', 'deadbeefcafe', '0123456789a', 'ABCDEF012345', '-', '--', 'x', ' ', '?q=1', 'conn_1_a', '12ms', '[REDACTED:email]', '_', '"',
    'conn_', 'conn_12', '_', '9', 'a1b2c3d4e5f6', '[REDACTED:', '[REDACTED:]', '[REDACTED:ip-address]', ']', '[', 'Z', '5s', '.', '1.5'];
  let seed = 11;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 50_000; i++) {
    let text = '';
    for (let k = 1 + Math.floor(random() * 6); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
    assert.equal(lineTemplate(text), reference(text), JSON.stringify(text));
  }
});
