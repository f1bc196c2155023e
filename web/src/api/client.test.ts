import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient, type FetchLike } from './client.ts';
import { ApiFailure } from './failure.ts';
import { createAuth } from './auth.ts';

interface Call {
  path: string;
  init: RequestInit | undefined;
}

function fakeFetch(answers: Array<() => Response>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (path, init) => {
    calls.push({ path, init });
    const answer = answers.shift();
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

test('a 401 opens the token prompt once, however many calls fail', async () => {
  const auth = createAuth();
  const { fetch } = fakeFetch([() => json(401, { error: { code: 'unauthorized', message: 'token needed' } }), () => new Response('', { status: 401 })]);
  const client = createApiClient(fetch, auth.unauthorized);
  await assert.rejects(client.get('/api/report'), (error: unknown) => error instanceof ApiFailure && error.status === 401);
  auth.dismiss();
  await assert.rejects(client.get('/api/events'));
  assert.equal(auth.store.get().required, true);
  assert.equal(auth.store.get().promptOpen, false, 'a dismissed prompt stays closed until the user asks for it');
});

test('signing in posts the token, clears the requirement and bumps the epoch', async () => {
  const auth = createAuth();
  auth.unauthorized();
  const { fetch, calls } = fakeFetch([() => new Response(null, { status: 204 })]);
  const client = createApiClient(fetch, auth.unauthorized);
  await client.startSession('s3cret');
  auth.signedIn();
  assert.equal(calls[0]?.path, '/api/session');
  assert.equal(calls[0]?.init?.method, 'POST');
  assert.deepEqual(JSON.parse(String(calls[0]?.init?.body)), { token: 's3cret' });
  assert.deepEqual(auth.store.get(), { required: false, promptOpen: false, epoch: 1 });
});

test('a refused token rejects without re-opening the prompt', async () => {
  let prompts = 0;
  const { fetch } = fakeFetch([() => json(401, { error: { code: 'bad-token', message: 'that token is not accepted' } })]);
  const client = createApiClient(fetch, () => prompts++);
  await assert.rejects(client.startSession('wrong'), /not accepted/);
  assert.equal(prompts, 0);
});

test('health is read from a 503 answer too', async () => {
  const { fetch } = fakeFetch([() => json(503, { status: 'degraded', lagSeconds: 400 })]);
  const client = createApiClient(fetch, () => {});
  const health = await client.get<{ status: string }>('/healthz', { okStatuses: [503] });
  assert.equal(health.status, 'degraded');
});

test('a 204 answer to a post is null, a JSON one is parsed', async () => {
  const { fetch } = fakeFetch([() => new Response(null, { status: 204 }), () => json(200, { id: 7 })]);
  const client = createApiClient(fetch, () => {});
  assert.equal(await client.post('/api/findings/7/status', { status: 'resolved' }), null);
  assert.deepEqual(await client.post('/api/findings/7/status', { status: 'resolved' }), { id: 7 });
});

test('a network failure rejects with a failure that says the service cannot be reached', async () => {
  const { fetch } = fakeFetch([]);
  const client = createApiClient(fetch, () => {});
  await assert.rejects(client.get('/api/report'), (error: unknown) => error instanceof ApiFailure && error.code === 'network');
});
