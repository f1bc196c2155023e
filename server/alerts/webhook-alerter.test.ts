import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookAlerter } from './webhook-alerter.ts';
import type { Incident } from '../../core/report.ts';
import type { StoredFinding } from '../../core/findings/finding.ts';

interface Webhook {
  url: string;
  bodies: Array<{ text: string }>;
  close(): Promise<void>;
}

/** A Slack stand-in on the loopback interface; `status` is what it answers. */
async function localWebhook(status = 200): Promise<Webhook> {
  const bodies: Array<{ text: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(JSON.parse(body) as { text: string });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/T000/B000/xyz`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const incident = (id: string, kind = 'error-spike'): Incident => ({
  id, from: '2026-11-20T09:05:00.000Z', to: '2026-11-20T09:08:00.000Z', kind, summary: 'error rate 12% (target < 1%) on <all> & more', figures: {}, samples: ['query: "my secret question"'],
});

const finding = (id: number, fingerprint: string, severity: StoredFinding['severity'] = 'high'): StoredFinding => ({
  id, rule: 'email', severity, time: '2026-11-20T09:09:00.000Z', instance: '5683606c41098e', provider: 'app', entryId: id, source: 'message',
  field: 'message', start: 10, end: 30, length: 20, preview: '…@example.com', fingerprint, template: 'login failed for <…>', status: 'open', history: [],
});

function logSink() {
  const lines: Array<{ level: string; obj: object; msg: string }> = [];
  return {
    lines,
    info: (obj: object, msg: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg: string) => lines.push({ level: 'warn', obj, msg }),
  };
}

test('one alert a minute per kind; the next one says how many were held back', async (t) => {
  const hook = await localWebhook();
  t.after(() => hook.close());
  let now = Date.parse('2026-11-20T09:10:00Z');
  const alerter = new WebhookAlerter({ url: hook.url, now: () => now, log: logSink(), seenBefore: () => false });
  alerter.incidentsSeen([incident('old')]);
  alerter.incidentsSeen([incident('old'), incident('a')]);
  alerter.incidentsSeen([incident('old'), incident('a'), incident('b'), incident('c')]);
  alerter.incidentsSeen([incident('d', 'reconnect-storm')]);
  await alerter.settled();
  assert.equal(hook.bodies.length, 2, 'the incident already open at start and the two within the minute stay quiet');
  assert.match(hook.bodies[0]?.text ?? '', /^flight-recorder: incident opened \(error-spike\) at 2026-11-20T09:05:00.000Z: error rate 12% \(target &lt; 1%\) on &lt;all&gt; &amp; more$/);
  assert.match(hook.bodies[1]?.text ?? '', /reconnect-storm/);
  now += 61_000;
  alerter.incidentsSeen([incident('e')]);
  await alerter.settled();
  assert.equal(hook.bodies.length, 3);
  assert.match(hook.bodies[2]?.text ?? '', /\(and 2 more of this kind since the last alert\)$/);
  assert.doesNotMatch(JSON.stringify(hook.bodies), /secret question/);
});

test('a high finding alerts once per new fingerprint, never for one the store held before', async (t) => {
  const hook = await localWebhook();
  t.after(() => hook.close());
  let now = 0;
  const alerter = new WebhookAlerter({ url: hook.url, now: () => now, log: logSink(), seenBefore: (f) => f.fingerprint === 'aa'.repeat(32) });
  alerter.findingsCommitted([finding(1, 'aa'.repeat(32)), finding(2, 'bb'.repeat(32), 'medium'), finding(3, 'cc'.repeat(32))]);
  now += 61_000;
  alerter.findingsCommitted([finding(4, 'cc'.repeat(32))]);
  await alerter.settled();
  assert.equal(hook.bodies.length, 1);
  assert.equal(
    hook.bodies[0]?.text,
    'flight-recorder: new high GDPR finding (email) in message of a app line on 5683606c41098e at 2026-11-20T09:09:00.000Z: …@example.com',
  );
});

test('a webhook that fails is logged without its address and not retried', async (t) => {
  const hook = await localWebhook(500);
  t.after(() => hook.close());
  const log = logSink();
  const alerter = new WebhookAlerter({ url: hook.url, now: () => 0, log, seenBefore: () => false });
  alerter.findingsCommitted([finding(1, 'dd'.repeat(32))]);
  await alerter.settled();
  assert.equal(hook.bodies.length, 1);
  assert.deepEqual(log.lines.map((l) => [l.level, l.msg]), [['warn', 'the alert webhook refused the alert']]);
  assert.doesNotMatch(JSON.stringify(log.lines), /hooks|127\.0\.0\.1/);

  const unreachable = new WebhookAlerter({ url: 'http://127.0.0.1:9/hook', now: () => 0, log, seenBefore: () => false, timeoutMs: 1000 });
  unreachable.findingsCommitted([finding(2, 'ee'.repeat(32))]);
  await unreachable.settled();
  assert.equal(log.lines[1]?.msg, 'the alert webhook could not be reached');
});
