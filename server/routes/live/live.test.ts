import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/test-app.ts';
import { openLive } from '../../testing/live-client.ts';
import type { StoredEvent } from '../../../core/events/event.ts';
import type { StoredFinding } from '../../../core/findings/finding.ts';

const closeEvent = (id: number): StoredEvent => ({
  id, time: '2026-11-20T09:09:00.000Z', type: 'stream.close', level: 'info', instance: '5683606c41098e', connectionId: 'conn_1732190000500_abcdefghi',
  key: null, test: false, summary: '[Stream] Stream complete: conn_1732190000500_abcdefghi, tokens: 12, latency: 1400ms',
  data: { via: 'complete', durationMs: 1400, tokens: 12, firstTokenMs: null }, entryId: 90 + id,
});

const leak: StoredFinding = {
  id: 7, rule: 'plaintext-query', severity: 'high', time: '2026-11-20T09:09:00.000Z', instance: '5683606c41098e', provider: 'app', entryId: 91,
  source: 'message', field: 'message.query', start: 57, end: 75, length: 18, preview: 'Wh…18', fingerprint: 'ab'.repeat(32),
  template: '[Stream] Starting stream: <id>, query: <…>', status: 'open', history: [],
};

test('a live client gets the snapshot, then each committed event and finding, then the metrics', async (t) => {
  const { app, live, close } = testApp({ liveFeed: { metricsIntervalMs: 50 } });
  t.after(close);
  await app.ready();
  const client = await openLive(app, '/ws?from=-1h');
  const snapshot = await client.next();
  assert.equal(snapshot.type, 'snapshot');
  if (snapshot.type !== 'snapshot') return;
  assert.equal(snapshot.events.length, 11);
  assert.equal(snapshot.events[0]?.type, 'stream.error');
  assert.equal(snapshot.health.status, 'ok');
  assert.equal(snapshot.report.window.to, '2026-11-20T09:10:00.000Z');

  live.commit({ entries: 2, events: [closeEvent(12)], findings: [leak] });
  const event = await client.next();
  assert.equal(event.type, 'event');
  assert.equal(event.type === 'event' && event.event.id, 12);
  const finding = await client.next();
  assert.equal(finding.type, 'finding');
  assert.equal(finding.type === 'finding' && finding.finding.preview, 'Wh…18');
  assert.equal((await client.next()).type, 'metrics');
  await client.close();
});

test('a change of the source is pushed as status', async (t) => {
  const { app, live, close } = testApp();
  t.after(close);
  await app.ready();
  const client = await openLive(app);
  assert.equal((await client.next()).type, 'snapshot');
  live.changeSource({ state: 'restarting', reason: 'fly logs exited with code 1', restarts: 1 });
  const status = await client.next();
  assert.equal(status.type, 'status');
  assert.equal(status.type === 'status' && status.health.source.reason, 'fly logs exited with code 1');
  await client.close();
});

test('a window that does not parse refuses the socket', async (t) => {
  const { app, close } = testApp();
  t.after(close);
  await app.ready();
  await assert.rejects(app.injectWS('/ws?from=last%20tuesday', { headers: { host: 'localhost' } }), /400/);
});

test('closing the app closes live clients and stops the ingest', async (t) => {
  const { app, live, close } = testApp();
  let closed = false;
  t.after(async () => {
    if (!closed) await close();
  });
  await app.ready();
  const client = await openLive(app);
  await client.next();
  const gone = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
  await close();
  closed = true;
  await gone;
  assert.equal(live.stopped, true);
  assert.equal(live.listenerCount, 0);
});
