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
