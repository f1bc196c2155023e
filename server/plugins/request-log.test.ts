import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { testApp } from '../testing/test-app.ts';
import { createLogger } from '../logging/create-logger.ts';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      done();
    },
  });
  return { lines, stream };
}

test('request logs hold the route, never the query string, a header or the body', async (t) => {
  const { lines, stream } = capture();
  const token = 'sekret-token-0123456789abcdef';
  const { app, close } = testApp({ token, logger: createLogger({ json: true, destination: stream }) });
  t.after(close);
  await app.inject({ method: 'GET', url: '/api/events?q=jane.doe@example.com&token=abc123', headers: { host: 'x.fly.dev', authorization: `Bearer ${token}` } });
  await app.inject({ method: 'GET', url: '/api/connections/conn_secret_id?key=user:jane', headers: { host: 'x.fly.dev', cookie: 'flight_recorder_session=forged' } });
  await app.inject({ method: 'POST', url: '/api/session', headers: { host: 'x.fly.dev' }, payload: { token } });
  await app.inject({ method: 'POST', url: '/api/findings/1/status', headers: { host: 'x.fly.dev', authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"note": "jane.doe@example.com' });
  const text = lines.join('\n');
  const requests = lines.map((l) => JSON.parse(l) as { msg: string; route?: string; statusCode?: number }).filter((l) => l.msg === 'request');
  assert.deepEqual(requests.map((r) => [r.route, r.statusCode]), [
    ['/api/events', 200],
    ['/api/connections/:id', 401],
    ['/api/session', 204],
    ['/api/findings/:id/status', 400],
  ]);
  for (const secret of ['jane', 'abc123', token, 'forged', 'conn_secret_id', 'Bearer', '?']) assert.ok(!text.includes(secret), `the log holds ${secret}`);
});

test('a logged error keeps its class and frames, never its message', async (t) => {
  const { lines, stream } = capture();
  const { app, seeded, close } = testApp({ logger: createLogger({ json: true, destination: stream }) });
  t.after(close);
  await app.ready();
  seeded.store.db.exec('DROP VIEW findings');
  await app.inject({ method: 'GET', url: '/api/findings' });
  const failed = lines.map((l) => JSON.parse(l) as { msg: string; err?: { type: string; frames?: string[]; message?: string } }).find((l) => l.msg === 'request failed');
  assert.ok(failed?.err);
  assert.equal(failed.err.type, 'SqliteError');
  assert.equal(failed.err.message, undefined);
  assert.ok((failed.err.frames?.length ?? 0) > 0);
  assert.ok(!lines.join('\n').includes('no such table'));
});
