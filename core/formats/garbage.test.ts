import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsControlBytes, holdsGarbage } from './garbage.ts';

test('tabs, colours and emoji are not garbage', () => {
  assert.equal(holdsGarbage('\tat foo (/app/x.js:1:1) \x1b[31m🚨 Rate limit exceeded\x1b[0m'), false);
});

test('replacement characters, NUL, BEL and a lone CR are garbage', () => {
  for (const text of ['caf\ufffd', 'a\0b', 'ding\x07', 'over\rwrite', '\x7f\x1f']) assert.equal(holdsGarbage(text), true, JSON.stringify(text));
});

test('control bytes are found at any offset and alignment, and newlines, tabs and ESC are allowed', () => {
  const clean = Buffer.from('2026-11-20T09:14:03Z app[x] sin [info]\tok \x1b[0m\n'.repeat(5));
  for (let offset = 0; offset < 8; offset++) {
    const view = clean.subarray(offset);
    assert.equal(holdsControlBytes(view), false);
    for (let at = 0; at < view.length; at += 7) {
      const dirty = Buffer.from(view);
      dirty[at] = 0x00;
      assert.equal(holdsControlBytes(dirty.subarray(0)), true, `NUL at ${at}`);
    }
  }
  assert.equal(holdsControlBytes(Buffer.from('a\r\nb')), true);
  assert.equal(holdsControlBytes(Buffer.from('é✓🚨')), false);
  assert.equal(holdsControlBytes(Buffer.alloc(0)), false);
  const backing = Buffer.from('abcdefgh\x01');
  for (let start = 0; start < 8; start++) {
    for (let end = start; end <= 8; end++) assert.equal(holdsControlBytes(backing.subarray(start, end)), false);
    assert.equal(holdsControlBytes(backing.subarray(start, 9)), true);
  }
});
