import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiFailure, describeFailure, failureFromNetwork, failureFromResponse } from './failure.ts';

test("the server's error body is shown as its message and code", () => {
  const failure = failureFromResponse(400, 'Bad Request', '{"error":{"code":"bad-time","message":"from is not a time"}}');
  assert.equal(failure.status, 400);
  assert.equal(failure.code, 'bad-time');
  assert.equal(describeFailure(failure), 'from is not a time (bad-time)');
});

test("a proxy's HTML error page is not shown, only the status", () => {
  const failure = failureFromResponse(502, 'Bad Gateway', '<html><script>alert(1)</script></html>');
  assert.equal(describeFailure(failure), 'The server answered 502 Bad Gateway.');
});

test('a JSON body of another shape is treated like any other body', () => {
  assert.equal(failureFromResponse(500, '', '{"error":"boom"}').message, 'The server answered 500.');
});

test('a 401 without a body still says a token is needed', () => {
  assert.equal(failureFromResponse(401, 'Unauthorized', '').code, 'unauthorized');
});

test('a network error says the service cannot be reached', () => {
  const failure = failureFromNetwork(new TypeError('Failed to fetch'));
  assert.equal(failure.status, 0);
  assert.match(describeFailure(failure), /Cannot reach/);
});

test('an ApiFailure passes through unchanged', () => {
  const original = new ApiFailure(404, 'not-found', 'no such connection');
  assert.equal(failureFromNetwork(original), original);
});
