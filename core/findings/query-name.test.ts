import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasQueryName } from './query-name.ts';

// What it stands for: the regex it replaced (slow: every character tried against seven names, ignoring case).
const NAME = /(?:query|prompt|question|content|history|messages|conversation)\\?"\s*:/i;

test('a query-like JSON name, in any case, escaped quotes and spaces before the colon included', () => {
  for (const yes of ['{"query":1}', '{"user_query" : "x"}', '{\\"Messages\\":[]}', '{"CONVERSATION"\u00a0:"x"}', '{"prompt"\n:"x"}']) assert.ok(hasQueryName(yes), yes);
  for (const no of ['{"queryHash":"x"}', '{"q":"query"}', 'query: "x"', '{"content" "x"}', '{"contents":1}', '{"promp":1}']) assert.ok(!hasQueryName(no), no);
});

test('it finds what the regex finds, on random texts made of the pieces that matter', () => {
  const pieces = ['query', 'QUERY', 'Prompt', 'quest', 'question', 'conTent', 'history', 'messages', 'conversation', '"', '\\', ':', ' ', '\t', '\u00a0', '\u2028', '\ufeff', '\u180e', 'x', 'ı', 'ſ', '@', '`', '{', ','];
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 100_000; i++) {
    let text = '';
    for (let k = 1 + Math.floor(random() * 8); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
    assert.equal(hasQueryName(text), NAME.test(text), JSON.stringify(text));
  }
});
