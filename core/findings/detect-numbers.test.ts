import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCards, findIbans, findPhones } from './detect-numbers.ts';

function spans(find: (text: string, out: number[]) => void, text: string): string[] {
  const out: number[] = [];
  find(text, out);
  const found: string[] = [];
  for (let k = 0; k < out.length; k += 2) found.push(text.slice(out[k], out[k + 1]));
  return found;
}

test('card numbers pass Luhn, start with 3 to 6, and may be grouped by single spaces or dashes', () => {
  assert.deepEqual(spans(findCards, 'a 4111 1111 1111 1111 b 5555-5555-5555-4444 c 378282246310005'), ['4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005']);
  assert.deepEqual(spans(findCards, 'bad 4111 1111 1111 1112, ticket 7992739871300000'), []);
});

test('digits touching a letter, a digit run, an underscore or a plus are no card', () => {
  assert.deepEqual(spans(findCards, 'conn_4111111111111111_x x4111111111111111 +4111111111111111 41111111111111110000000'), []);
});

test('a card followed by another number is still found', () => {
  assert.deepEqual(spans(findCards, 'card 4111 1111 1111 1111 1234'), ['4111 1111 1111 1111']);
});

test('an identifier or hash field holding digits is no card', () => {
  assert.deepEqual(spans(findCards, '"queryHash":"4111111111111111" requestId=4111111111111111'), []);
});

test('phones are a plus and 8 to 15 digits, single spaces or dashes allowed', () => {
  assert.deepEqual(spans(findPhones, 'wa +62 812-3456-7890, +6281234567890 and +1 415 555 0100'), ['+62 812-3456-7890', '+6281234567890', '+1 415 555 0100']);
  assert.deepEqual(spans(findPhones, '+07:00 1e+10 +1234 +12345678901234567890 +12345678ms 3+12345678'), []);
});

test('IBANs pass mod-97 at their country length, compact or grouped by four', () => {
  assert.deepEqual(spans(findIbans, 'to DE89 3704 0044 0532 0130 00; GB82WEST12345698765432 NO9386011117947'), ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'NO9386011117947']);
  assert.deepEqual(spans(findIbans, 'DE89 3704 0044 0532 0130 01 [PC01] ZZ12345678901234567 XDE89370400440532013000'), []);
});
