import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointLength, maskEmail, maskKey, maskValue } from './mask.ts';

test('a masked value keeps at most two characters and the length, counting characters not code units', () => {
  assert.deepEqual(['', 'a', 'Hello', '😀😀😀', 'x😀y'].map(maskValue), ['…0', 'a…1', 'He…5', '😀😀…3', 'x😀…3']);
  assert.equal(codePointLength('a\ud800'), 2, 'a lone surrogate counts as one character');
});

test('a masked e-mail keeps only its domain, a masked key its kind', () => {
  assert.equal(maskEmail('jane.doe@example.com'), '…@example.com');
  assert.deepEqual([maskKey('user:jane@example.com'), maskKey('key:sk_live_ab12'), maskKey('anonymous')], ['user:…@example.com', 'key:sk…12', 'anonymous']);
});
