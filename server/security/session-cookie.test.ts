import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionSigner, SESSION_TTL_MS, cookieValue } from './session-cookie.ts';
import { secretsEqual } from './token-compare.ts';

test('a session cookie is valid until it expires and only for the token that signed it', () => {
  const signer = new SessionSigner('token-one-0123456789');
  const value = signer.issue(1_000);
  assert.equal(signer.verify(value, 2_000), true);
  assert.equal(signer.verify(value, 1_000 + SESSION_TTL_MS), false);
  assert.equal(new SessionSigner('token-two-0123456789').verify(value, 2_000), false);
  const [id, exp, sig] = value.split('.') as [string, string, string];
  const later = (parseInt(exp, 36) + 86_400_000).toString(36);
  assert.equal(signer.verify(`${id}.${later}.${sig}`, 2_000), false, 'the expiry cannot be stretched');
  assert.ok(!value.includes('token-one'));
});

test('cookies are read by name from the header', () => {
  assert.equal(cookieValue('a=1; flight_recorder_session=xyz; b=2', 'flight_recorder_session'), 'xyz');
  assert.equal(cookieValue('a=1', 'flight_recorder_session'), null);
  assert.equal(cookieValue(undefined, 'x'), null);
});

test('secrets compare equal only when equal, whatever their lengths', () => {
  assert.equal(secretsEqual('abc', 'abc'), true);
  assert.equal(secretsEqual('abc', 'abcd'), false);
  assert.equal(secretsEqual('', 'abc'), false);
});
