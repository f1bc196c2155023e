import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeEnd, skipEscapes, stripAnsi } from './ansi.ts';

const ESC = '\x1b';

test('colours flyctl prints around timestamp, region and level are removed', () => {
  const line = `${ESC}[2m2026-11-20T09:14:03Z${ESC}[0m app[4d895d5ec41638] ${ESC}[32msin${ESC}[0m [${ESC}[34minfo${ESC}[0m]Pulling`;
  assert.equal(stripAnsi(line), '2026-11-20T09:14:03Z app[4d895d5ec41638] sin [info]Pulling');
});

test('256-colour, OSC hyperlink and two-byte escapes are removed, text between them is kept', () => {
  assert.equal(stripAnsi(`a${ESC}[38;5;208mb${ESC}[0m`), 'ab');
  assert.equal(stripAnsi(`see ${ESC}]8;;https://fly.io\x07fly${ESC}]8;;${ESC}\\ now`), 'see fly now');
  assert.equal(stripAnsi(`x${ESC}cy`), 'xy');
});

test('an escape cut short at the end of the text leaves no ESC behind', () => {
  assert.equal(stripAnsi(`done ${ESC}[3`), 'done ');
  assert.equal(stripAnsi(`done ${ESC}`), 'done ');
});

test('text without ESC is returned as it is', () => {
  const text = 'GET /api/v2/bali-zero/chat-stream - 203.0.113.7';
  assert.equal(stripAnsi(text), text);
});

test('escapeEnd and skipEscapes agree with stripAnsi on where sequences end', () => {
  const text = `${ESC}[2m${ESC}[0mX`;
  assert.equal(escapeEnd(text, 0), 4);
  assert.equal(skipEscapes(text, 0), 8);
  assert.equal(skipEscapes('plain', 0), 0);
});
