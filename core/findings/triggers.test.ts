import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL, CARD, IBAN, IPV4, QUERY_KEY, QUESTION, ESCAPE, STREAM, StructureMarks, triggersOf } from './triggers.ts';

let seed = 5;
const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

function text(pieces: readonly string[], count: number): string {
  let t = '';
  for (let k = 0; k < count; k++) t += pieces[Math.floor(random() * pieces.length)];
  return t;
}

const NUMBERS = ['4111', ' ', '-', '1111', '3', '9', '.', '1.2', '.3.4', 'GB82', 'WEST', '1234', 'DE', '89', 'x', 'A', '00'];

test('the card, IBAN and address shapes are each found as their own regex finds them, in one pass', () => {
  const shapes: [number, RegExp][] = [
    [CARD, /[3-6]\d{3}(?:[ -]?\d){9}/],
    [IBAN, /[A-Z]{2}\d{2}(?: ?[0-9A-Z]){11}/],
    [IPV4, /\d\.\d{1,3}\.\d{1,3}\.\d/],
  ];
  const masks = [ALL, CARD, IBAN, IPV4, CARD | IBAN, CARD | IPV4, IBAN | IPV4];
  for (let i = 0; i < 20_000; i++) {
    const t = text(NUMBERS, 1 + Math.floor(random() * 14));
    for (const mask of masks) {
      let expected = 0;
      for (const [bit, re] of shapes) if ((mask & bit) !== 0 && re.test(t)) expected |= bit;
      assert.equal(triggersOf(t, mask) & (CARD | IBAN | IPV4), expected, JSON.stringify([t, mask]));
    }
  }
});

test('query names: `query` with no letter after it, or a stem', () => {
  assert.equal(triggersOf('{"query":1}') & QUERY_KEY, QUERY_KEY);
  assert.equal(triggersOf('userQuery=x') & QUERY_KEY, QUERY_KEY);
  assert.equal(triggersOf('"queryHash":"x","queryLength":3') & QUERY_KEY, 0);
  assert.equal(triggersOf('the prompt') & QUERY_KEY, QUERY_KEY);
  assert.equal(triggersOf('query') & QUERY_KEY, QUERY_KEY, 'at the end of the text');
});

/** The structure marks as they were first written: every occurrence, then a search of the list. */
function eagerWithin(t: string, mask: number, start: number, end: number): boolean {
  const marks: number[] = [];
  if ((mask & QUESTION) !== 0) for (let i = t.indexOf('?'); i >= 0; i = t.indexOf('?', i + 1)) marks.push(i);
  if ((mask & ESCAPE) !== 0) for (let i = t.indexOf('%'); i >= 0; i = t.indexOf('%', i + 1)) marks.push(i);
  if ((mask & STREAM) !== 0) for (let i = t.indexOf('Starting stream'); i >= 0; i = t.indexOf('Starting stream', i + 1)) marks.push(i);
  if ((mask & QUERY_KEY) !== 0) {
    for (let i = t.indexOf('uery'); i >= 0; i = t.indexOf('uery', i + 4)) if (!/[A-Za-z]/.test(t.charAt(i + 4))) marks.push(i);
    const re = /prompt|question|content|history|messages/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) marks.push(m.index);
  }
  return marks.some((i) => i >= start && i < end);
}

test('marks answer as a list of every trigger would, in whatever order spans are asked about', () => {
  const pieces = ['?', '%', 'Starting stream', 'query', 'queryX', 'prompt', 'content', 'a', '"', 'uery', ' ', 'messages', 'history', 'question', 'his'];
  const masks = [QUESTION | ESCAPE | STREAM | QUERY_KEY, QUESTION, ESCAPE | QUERY_KEY, STREAM];
  for (let i = 0; i < 3000; i++) {
    const t = text(pieces, 1 + Math.floor(random() * 10));
    for (const mask of masks) {
      const marks = new StructureMarks(t, mask);
      // Mostly ascending, as the walk asks, with some steps back.
      let start = 0;
      for (let q = 0; q < 12; q++) {
        start = random() < 0.8 ? start + Math.floor(random() * 6) : Math.floor(random() * (t.length + 1));
        const end = start + Math.floor(random() * 8);
        assert.equal(marks.within(start, end), eagerWithin(t, mask, start, end), JSON.stringify([t, mask, start, end]));
      }
    }
  }
});
