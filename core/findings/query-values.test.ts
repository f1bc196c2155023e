import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHashValue, isSqlStatement } from './query-values.ts';

test('hashes are hex of 16, 32, 40 or 64 with a letter, prefixed digests, or redaction marks', () => {
  for (const v of ['e3b0c44298fc1c14', 'd41d8cd98f00b204e9800998ecf8427e', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', `sha256:${'a'.repeat(64)}`, '[REDACTED]', '[HASHED]', '[REDACTED:email]']) {
    assert.ok(isHashValue(v), v);
  }
  for (const v of ['1234567890123456', 'deadbeefcafe', 'Hello', 'e3b0c44298fc1c1', '']) assert.ok(!isHashValue(v), v);
});

test("SQL as drivers print it is recognised; a person's question that starts with select is not", () => {
  for (const v of ['SELECT * FROM users WHERE id = $1', 'INSERT INTO t (a) VALUES (?)', 'UPDATE s SET a = 1', 'PRAGMA journal_mode=WAL', 'select "id" from "users" where "id" = ?']) {
    assert.ok(isSqlStatement(v), v);
  }
  for (const v of ['Select the best visa for me', 'select a visa from the list please', 'What is SELECT?']) assert.ok(!isSqlStatement(v), v);
});
