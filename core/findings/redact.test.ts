import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactText } from './redact.ts';
import type { Hit } from './hit.ts';

const hit = (start: number, end: number, replacement: string | null): Hit => ({ rule: 'email', field: 'message', start, end, value: '', replacement });

test('overlapping spans merge into the replacement of the one that starts first', () => {
  assert.equal(redactText('0123456789', [hit(4, 6, '[B]'), hit(2, 8, '[A]')]), '01[A]89');
});

test('adjacent spans are replaced one by one, and a kept span changes nothing', () => {
  assert.equal(redactText('0123456789', [hit(0, 2, '[A]'), hit(2, 4, '[B]'), hit(5, 6, null)]), '[A][B]456789');
});
