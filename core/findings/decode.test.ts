import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFully, decodeJsonString } from './decode.ts';
import { rawOffset, rawSegment, sliceSegment } from './segment.ts';
import type { Segment } from './segment.ts';

/** The raw text behind decoded [start, end). */
function rawOf(raw: string, view: Segment, start: number, end: number): string {
  return raw.slice(rawOffset(view, start), rawOffset(view, end));
}

test('percent-decoding reads UTF-8, plus as space, and maps each character to its raw escape', () => {
  const raw = 'x=caf%C3%A9+ol%C3%A9';
  const view = decodeFully(sliceSegment(rawSegment(raw), 2, raw.length), true, false);
  assert.equal(view?.text, 'café olé');
  assert.equal(rawOf(raw, view!, 3, 4), '%C3%A9');
  assert.equal(rawOf(raw, view!, 0, view!.text.length), 'caf%C3%A9+ol%C3%A9');
});

test('double encoding is decoded twice, and a span covers the whole raw escape', () => {
  const raw = 'john%2540example.com';
  const view = decodeFully(rawSegment(raw), true, false)!;
  assert.equal(view.text, 'john@example.com');
  assert.equal(rawOf(raw, view, 4, 5), '%2540');
});

test('a plus before a digit at the start of a word stays a plus (an unencoded phone number)', () => {
  assert.equal(decodeFully(rawSegment('call+me+%2B62+8123'), true, false)?.text, 'call me +62 8123');
  assert.equal(decodeFully(rawSegment('+6281234567890'), true, false), null);
});

test('bytes that form no character stay as written', () => {
  assert.equal(decodeFully(rawSegment('100%25 sure %FF %zz'), false, false)?.text, '100% sure %FF %zz');
});

test('JSON string escapes decode, and \\u0040 maps back to its six raw characters', () => {
  const raw = 'a\\"b\\\\c\\nd\\u0040e';
  const view = decodeJsonString(rawSegment(raw));
  assert.equal(view.text, 'a"b\\c\nd@e');
  assert.equal(rawOf(raw, view, 7, 8), '\\u0040');
  assert.equal(view.jsonDepth, 1);
});

test('decoding stops after three levels, so %252525… costs a bounded number of passes', () => {
  assert.equal(decodeFully(rawSegment('%2525252540'), false, false)?.text, '%2540');
});
