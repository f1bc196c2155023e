import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery, connectionPath, eventsPath, findingStatusPath, findingsPath, liveSocketUrl, reportPath } from './query.ts';

const WINDOW = { from: '2025-03-10T13:00:00.000Z', to: '2025-03-10T14:00:00.000Z' };

test('empty filters are left out of the address', () => {
  assert.equal(buildQuery({ a: '', b: null, c: undefined }), '');
  assert.equal(buildQuery({ type: 'stream.fail', q: '', limit: 100 }), '?type=stream.fail&limit=100');
});

test('the report and its exports are asked for the same window', () => {
  assert.equal(reportPath(WINDOW), '/api/report?from=2025-03-10T13%3A00%3A00.000Z&to=2025-03-10T14%3A00%3A00.000Z');
  assert.ok(reportPath(WINDOW, 'md').startsWith('/api/report.md?from='));
  assert.ok(reportPath(WINDOW, 'csv').startsWith('/api/report.csv?from='));
});

test('search text is sent encoded, never as address syntax', () => {
  const path = eventsPath({ q: 'a&cursor=x #y' }, WINDOW, null);
  const params = new URLSearchParams(path.slice(path.indexOf('?')));
  assert.equal(params.get('q'), 'a&cursor=x #y');
  assert.equal(params.get('cursor'), null);
  assert.equal(params.get('limit'), '100');
});

test('the next page carries the cursor the last page answered', () => {
  const path = findingsPath({ rule: 'email', severity: 'high' }, WINDOW, 'abc==', 50);
  const params = new URLSearchParams(path.slice(path.indexOf('?')));
  assert.equal(params.get('cursor'), 'abc==');
  assert.equal(params.get('limit'), '50');
  assert.equal(params.get('rule'), 'email');
});

test('a connection id with slashes stays one path segment', () => {
  assert.equal(connectionPath('a/b?c'), '/api/connections/a%2Fb%3Fc');
  assert.equal(findingStatusPath(42), '/api/findings/42/status');
});

test('the live socket uses wss on an https page and asks for the relative window', () => {
  assert.equal(liveSocketUrl({ protocol: 'https:', host: 'fr.example:8443' }, '-1h'), 'wss://fr.example:8443/ws?from=-1h');
  assert.equal(liveSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, null), 'ws://127.0.0.1:8080/ws');
});
