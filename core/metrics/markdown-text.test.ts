import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown } from './markdown-text.ts';

test('every character Markdown acts on inside a line is escaped, so log text shows as written', () => {
  assert.equal(escapeMarkdown('a|b *c* _d_ `e` <f> [g](h) #1 ~s~ &amp; @x $m$ \\'), 'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\](h) \\#1 \\~s\\~ \\&amp; \\@x \\$m\\$ \\\\');
});

test('line breaks become a visible mark, so a log line stays one line of the report', () => {
  assert.equal(escapeMarkdown('Error: boom\n    at f (x.js:1)\r\nend\rlast'), 'Error: boom ⏎     at f (x.js:1) ⏎ end ⏎ last');
});

test('control characters and bidirectional overrides are dropped, tabs become spaces', () => {
  assert.equal(escapeMarkdown('a\u0000b\u001bc\td\u202eevil\u2066'), 'abc devil');
});
