import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Utf8StreamDecoder } from './utf8-stream-decoder.ts';

function decodeInPieces(bytes: Buffer, cuts: number[]): string {
  const decoder = new Utf8StreamDecoder();
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.end();
}

test('a multi-byte character split at any byte survives', () => {
  const bytes = Buffer.from('🚨 Rate limit exceeded for user:ratelimit-test — café ✓');
  const whole = bytes.toString('utf8');
  for (let cut = 0; cut <= bytes.length; cut++) assert.equal(decodeInPieces(bytes, [cut]), whole, `cut at ${cut}`);
  for (let cut = 0; cut + 1 <= bytes.length; cut++) assert.equal(decodeInPieces(bytes, [cut, cut + 1]), whole);
});

test('invalid bytes become U+FFFD, also when split across chunks', () => {
  const bytes = Buffer.from([0x61, 0xe2, 0x82, 0x62, 0xff, 0x63]);
  const expected = bytes.toString('utf8');
  assert.ok(expected.includes('\ufffd'));
  for (let cut = 0; cut <= bytes.length; cut++) assert.equal(decodeInPieces(bytes, [cut]), expected);
});

test('a character left unfinished at the end becomes U+FFFD', () => {
  assert.equal(decodeInPieces(Buffer.from([0x61, 0xf0, 0x9f]), []), 'a\ufffd');
});

test('a byte order mark at the start is dropped, later ones are kept', () => {
  const decoder = new Utf8StreamDecoder();
  assert.equal(decoder.write(Buffer.from('\ufeffabc')), 'abc');
  assert.equal(decoder.write(Buffer.from('\ufeff')), '\ufeff');
});
