import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, TEST_NOW } from '../../testing/test-app.ts';
import { addFindings } from '../../../core/store/queries/findings-fixture.ts';
import type { FindingPage, StoredFinding } from '../../../core/findings/finding.ts';
import type { ApiError } from '../../../core/api.ts';

test('findings list newest first and filter by rule and severity', async (t) => {
  const { app, seeded, close } = testApp();
  t.after(close);
  const ids = addFindings(seeded.store, ['plaintext-query', 'email', 'phone']);
  const all = (await app.inject({ method: 'GET', url: '/api/findings' })).json<FindingPage>();
  assert.deepEqual(all.items.map((f) => f.id), [...ids].reverse());
  const high = (await app.inject({ method: 'GET', url: '/api/findings?severity=high&limit=1' })).json<FindingPage>();
  assert.equal(high.items.length, 1);
  assert.ok(high.next);
  assert.equal((await app.inject({ method: 'GET', url: '/api/findings?rule=phone' })).json<FindingPage>().items[0]?.id, ids[2]);
  const bad = await app.inject({ method: 'GET', url: '/api/findings?rule=password' });
  assert.equal(bad.statusCode, 400);
});

test('a status change is kept with its note scanned by the real scanner', async (t) => {
  const { app, seeded, close } = testApp();
  t.after(close);
  const [id] = addFindings(seeded.store, ['plaintext-query']);
  const res = await app.inject({
    method: 'POST',
    url: `/api/findings/${id}/status`,
    payload: { status: 'acknowledged', note: 'told the backend team, cc maria.rossi@example.com', reviewer: 'dpo' },
  });
  assert.equal(res.statusCode, 200);
  const finding = res.json<StoredFinding>();
  assert.equal(finding.status, 'acknowledged');
  assert.equal(finding.history.length, 1);
  assert.equal(finding.history[0]?.at, new Date(TEST_NOW).toISOString());
  assert.doesNotMatch(finding.history[0]?.note ?? '', /maria/);
  assert.match(finding.history[0]?.note ?? '', /\[REDACTED:email\]/);
  const listed = (await app.inject({ method: 'GET', url: '/api/findings?status=acknowledged' })).json<FindingPage>();
  assert.equal(listed.items[0]?.history[0]?.reviewer, 'dpo');
});

test('a status change is refused for an unknown status, a bad body or a missing finding', async (t) => {
  const { app, seeded, close } = testApp();
  t.after(close);
  const [id] = addFindings(seeded.store, ['email']);
  const unknownStatus = await app.inject({ method: 'POST', url: `/api/findings/${id}/status`, payload: { status: 'ignored' } });
  assert.equal(unknownStatus.statusCode, 400);
  assert.equal(unknownStatus.json<ApiError>().error.message, 'body.status must be equal to one of the allowed values');
  const notJson = await app.inject({
    method: 'POST',
    url: `/api/findings/${id}/status`,
    headers: { 'content-type': 'application/json' },
    payload: '{"status": "resolved", "note": "sent to bob@example.com',
  });
  assert.equal(notJson.statusCode, 400);
  assert.equal(notJson.json<ApiError>().error.code, 'invalid-json');
  assert.doesNotMatch(notJson.body, /bob|example/);
  const missing = await app.inject({ method: 'POST', url: '/api/findings/4242/status', payload: { status: 'resolved' } });
  assert.equal(missing.statusCode, 404);
  const notANumber = await app.inject({ method: 'POST', url: '/api/findings/abc/status', payload: { status: 'resolved' } });
  assert.equal(notANumber.statusCode, 400);
});
