import { test } from 'node:test';
import { serialize } from 'node:v8';
import assert from 'node:assert/strict';
import { LineSplitter, completeLength } from './line-splitter.ts';
import { holdsGarbage } from './garbage.ts';
import { MAX_LINE_CHARS } from './limits.ts';

type Line = [text: string, garbage: boolean, piece: boolean];

function split(chunks: readonly (Buffer | string)[]): Line[] {
  const lines: Line[] = [];
  const splitter = new LineSplitter((text, garbage, piece) => lines.push([text, garbage, piece]));
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return lines;
}

/** What the lines of a whole input are: decoded at once, a leading byte order mark dropped, CRLF or LF ends. */
function reference(bytes: Buffer): Line[] {
  let text = bytes.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.length === 0 && bytes.length <= 3) return [];
  const out: Line[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    for (let at = 0; at === 0 || at < line.length; at += MAX_LINE_CHARS) {
      const part = line.slice(at, at + MAX_LINE_CHARS);
      out.push([part, holdsGarbage(part), at > 0]);
    }
  }
  return out;
}

function cutAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  return out;
}

const MESSY = Buffer.concat([
  Buffer.from('\ufeff2026-11-20T09:14:03Z app[5683606c41098e] sin [info]🚨 Rate limit exceeded — café ✓\r\n'),
  Buffer.from('2026-11-20T09:14:04Z app[5683606c41098e] sin [info] plain ASCII line\n\n'),
  Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0x62, 0xff, 0x63, 0x0a, 0x64, 0x01, 0x65, 0x0a]),
  Buffer.from('a literal \ufffd in good UTF-8\n'),
  Buffer.from('last line without an end 🙂'),
]);

test('lines are the same however the bytes are cut into chunks, also inside a character', () => {
  const expected = reference(MESSY);
  assert.equal(expected[0]?.[0].startsWith('2026'), true, 'the byte order mark is dropped');
  assert.deepEqual(split([MESSY]), expected);
  for (let cut = 0; cut <= MESSY.length; cut++) assert.deepEqual(split(cutAt(MESSY, [cut])), expected, `cut at ${cut}`);
  for (let cut = 1; cut + 2 <= MESSY.length; cut += 3) assert.deepEqual(split(cutAt(MESSY, [cut, cut + 1, cut + 2])), expected, `cuts at ${cut}`);
});

test('garbage is told per line: invalid UTF-8, control bytes and U+FFFD mark their own line only', () => {
  const lines = split([MESSY]);
  assert.deepEqual(
    lines.map(([text, garbage]) => [text.slice(0, 12), garbage]),
    [
      ['2026-11-20T0', false],
      ['2026-11-20T0', false],
      ['', false],
      ['a\ufffd', true],
      ['b\ufffdc', true],
      ['d\u0001e', true],
      ['a literal \ufffd ', true],
      ['last line wi', false],
    ],
  );
});

test('a character left unfinished at the end becomes U+FFFD; a later byte order mark is text', () => {
  assert.deepEqual(split([Buffer.from([0x61, 0xf0, 0x9f])]), [['a\ufffd', true, false]]);
  assert.deepEqual(split([Buffer.from('\n\ufeffabc\n')]), [['', false, false], ['\ufeffabc', false, false]]);
});

test('text and bytes may be mixed; a line goes on from one to the other', () => {
  assert.deepEqual(split(['first\nsec', Buffer.from('ond ✓\nthi'), 'rd\n']), [
    ['first', false, false],
    ['second ✓', false, false],
    ['third', false, false],
  ]);
});

test('a line longer than the bound is cut into pieces, whether it arrives whole or in chunks', () => {
  const long = Buffer.from(`${'é'.repeat(MAX_LINE_CHARS + 10)}\nnext\n`);
  const expected = reference(long);
  assert.deepEqual(expected.map(([t, , piece]) => [t.length, piece]), [[MAX_LINE_CHARS, false], [10, true], [4, false]]);
  assert.deepEqual(split([long]), expected);
  // 64 KiB chunks: the line is cut while it is still coming in, between the two bytes of an 'é' too.
  const chunks = cutAt(long, Array.from({ length: Math.floor(long.length / 65_537) }, (_, i) => (i + 1) * 65_537));
  assert.deepEqual(split(chunks), expected);
});

test('ASCII lines are decoded one by one, so one emoji in a chunk leaves the other lines one byte per character', () => {
  const [ascii, emoji] = split([Buffer.from('plain line\nline with 🙂\n')]).map(([t]) => t);
  // V8's serializer tags a string by how it is held: '"' one byte per character, 'c' two.
  const held = (text: string | undefined): string => String.fromCharCode(serialize(text)[2] ?? 0);
  assert.equal(held(ascii), '"');
  assert.equal(held(emoji), 'c');
});

test('completeLength stops before a character the bytes end inside', () => {
  const bytes = Buffer.from('a🙂');
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => completeLength(bytes.subarray(0, n))), [1, 1, 1, 1, 5]);
});
