import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testApp } from '../testing/test-app.ts';
import { addFindings } from '../../core/store/queries/findings-fixture.ts';
import { listFindings } from '../../core/store/queries/list-findings.ts';

test('a committed high finding with a new fingerprint is posted to the webhook, once', async (t) => {
  const texts: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      texts.push((JSON.parse(body) as { text: string }).text);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const { app, live, seeded, close } = testApp({ webhookUrl: `http://127.0.0.1:${port}/hook` });
  t.after(close);
  await app.ready();
  addFindings(seeded.store, ['email', 'phone']);
  const [email, phone] = listFindings(seeded.store, {}).items.reverse();
  assert.ok(email && phone);
  live.commit({ entries: 1, findings: [email, phone] });
  live.commit({ entries: 1, findings: [email] });
  await app.alerts?.settled();
  assert.equal(texts.length, 1);
  assert.match(texts[0] ?? '', /new high GDPR finding \(email\)/);
});
