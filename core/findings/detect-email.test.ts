import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEmails } from './detect-email.ts';

function emails(text: string): string[] {
  const spans: number[] = [];
  findEmails(text, 0, text.length, spans);
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(text.slice(spans[k], spans[k + 1]));
  return out;
}

test('addresses are found with their whole local part and domain, not the sentence around them', () => {
  assert.deepEqual(emails('mail jane.doe+visa@mail.example.co.uk, then <bob_1@example.org>.'), ['jane.doe+visa@mail.example.co.uk', 'bob_1@example.org']);
});

test('an address needs a dotted domain ending in letters', () => {
  assert.deepEqual(emails('user@localhost pino@10.4.0 @fastify/static@5.1.0 a@b.c x@sha256:abc'), []);
});

test('image density suffixes are file names, not mailboxes', () => {
  assert.deepEqual(emails('logo@2x.png icon@1.5x.webp'), []);
});

test('a chain of at-signs is read once and yields nothing', () => {
  assert.deepEqual(emails('a@a.a@a.a@a.a@a.a'), []);
});
