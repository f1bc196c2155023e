import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceConnectionIds, replaceHexIds, replaceMarks } from './template-ids.ts';

const cases: [string, (t: string) => string, (t: string) => string][] = [
  ['marks', replaceMarks, (t) => t.replace(/\[REDACTED:[a-z-]+\]/g, '<…>')],
  ['connection ids', replaceConnectionIds, (t) => t.replace(/\bconn_\d+_[A-Za-z0-9]+/g, '<id>')],
  ['hex ids', replaceHexIds, (t) => t.replace(/\b(?=[0-9a-f]*[0-9])[0-9a-f]{12,}\b/gi, '<id>')],
];

const PIECES = ['[REDACTED:', '[REDACTED:email]', '[REDACTED:]', ']', '[', 'ip-address', 'x1', 'conn_', 'conn_12', '_', '9', 'aB3', ' ', '-', 'é',
  '3ccc000b892ab9dad82dbe2e95200a86', 'deadbeefcafe', 'DEADBEEF0123', '0123456789a', 'abcdef', 'g', '.', '"', '12'];

for (const [name, fast, regex] of cases) {
  test(`${name}: what the regex replace gives`, () => {
    let seed = name.length;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 30_000; i++) {
      let text = '';
      for (let k = Math.floor(random() * 9); k > 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
      assert.equal(fast(text), regex(text), JSON.stringify(text));
    }
  });
}
