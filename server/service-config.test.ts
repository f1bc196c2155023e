import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveServiceConfig, serviceUrl, ServiceConfigError } from './service-config.ts';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const TOKEN = 'f00dfacecafebeef0123456789abcdef';

test('with no app configured the service runs simulated traffic into data/demo.db on 127.0.0.1:8080', () => {
  const c = resolveServiceConfig({}, {}, '/srv/fr', NOW);
  assert.equal(c.source.kind, 'simulate');
  assert.equal(c.dbPath, '/srv/fr/data/demo.db');
  assert.equal(c.storeKind, 'demo');
  assert.equal(c.demo, true);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 8080);
  assert.equal(c.token, null);
  assert.equal(c.retentionDays, 30);
  assert.equal(c.trustedProxies, 0);
  assert.equal(resolveServiceConfig({}, { FLIGHT_RECORDER_TRUSTED_PROXIES: '1' }, '/srv/fr', NOW).trustedProxies, 1);
});

test("FLY_APP_NAME is the analyzer's own app and never the one it follows", () => {
  const c = resolveServiceConfig({}, { FLY_APP_NAME: 'flight-recorder-prod' }, '/srv', NOW);
  assert.equal(c.source.kind, 'simulate');
});

test('simulated traffic never lands in the real database configured by the environment', () => {
  const c = resolveServiceConfig({}, { FLIGHT_RECORDER_DB: '/data/flight-recorder.db' }, '/app', NOW);
  assert.equal(c.dbPath, '/data/demo.db');
});

test('an app from the environment is followed with fly into the real database; flags win over the environment', () => {
  const env = { FLIGHT_RECORDER_APP: 'nuzantara-backend', FLIGHT_RECORDER_DB: '/data/flight-recorder.db', PORT: '9090', FLIGHT_RECORDER_HOST: '0.0.0.0', FLIGHT_RECORDER_TOKEN: TOKEN };
  const c = resolveServiceConfig({ port: '7070', flyBin: 'bin/fly' }, env, '/app', NOW);
  assert.deepEqual(c.source, { kind: 'fly', app: 'nuzantara-backend', flyBin: '/app/bin/fly' });
  assert.equal(c.dbPath, '/data/flight-recorder.db');
  assert.equal(c.storeKind, 'real');
  assert.equal(c.port, 7070);
  assert.equal(c.host, '0.0.0.0');
  const other = resolveServiceConfig({ app: 'other-app', db: 'x.db' }, env, '/app', NOW);
  assert.equal(other.source.kind === 'fly' && other.source.app, 'other-app');
  assert.equal(other.dbPath, '/app/x.db');
});

test('the nats source takes its credentials from the environment and Fly’s address by default', () => {
  const env = { FLIGHT_RECORDER_APP: 'api', FLIGHT_RECORDER_SOURCE: 'nats', FLIGHT_RECORDER_NATS_USER: 'my-org', FLIGHT_RECORDER_NATS_PASSWORD: 'fo1_xyz' };
  assert.deepEqual(resolveServiceConfig({}, env, '/', NOW).source, { kind: 'nats', app: 'api', url: 'nats://[fdaa::3]:4223', user: 'my-org', password: 'fo1_xyz' });
  assert.throws(() => resolveServiceConfig({}, { ...env, FLIGHT_RECORDER_NATS_PASSWORD: '' }, '/', NOW), /FLIGHT_RECORDER_NATS_PASSWORD/);
});

test('a file source is a path relative to the working directory', () => {
  const c = resolveServiceConfig({ source: 'file:logs/combined.log' }, {}, '/srv', NOW);
  assert.deepEqual(c.source, { kind: 'file', path: '/srv/logs/combined.log' });
  assert.equal(c.dbPath, '/srv/data/flight-recorder.db');
});

test('settings that cannot work are refused with what to do', () => {
  const refuse = (flags: Parameters<typeof resolveServiceConfig>[0], env: NodeJS.ProcessEnv, pattern: RegExp) =>
    assert.throws(() => resolveServiceConfig(flags, env, '/', NOW), (err: unknown) => err instanceof ServiceConfigError && pattern.test(err.message));
  refuse({ host: '0.0.0.0' }, {}, /Set FLIGHT_RECORDER_TOKEN/);
  refuse({}, { FLIGHT_RECORDER_HOST: '::' }, /FLIGHT_RECORDER_TOKEN/);
  refuse({ source: 'fly' }, {}, /--app APP/);
  refuse({ source: 'kafka' }, {}, /fly, nats, file:PATH or simulate/);
  refuse({ port: '80a' }, {}, /--port/);
  refuse({ port: '70000' }, {}, /--port/);
  refuse({ retentionDays: '0' }, {}, /--retention-days/);
  refuse({}, { FLIGHT_RECORDER_TRUSTED_PROXIES: 'yes' }, /FLIGHT_RECORDER_TRUSTED_PROXIES must be a whole number from 0 to 10/);
  refuse({}, { FLIGHT_RECORDER_TOKEN: 'short' }, /too short/);
  refuse({}, { FLIGHT_RECORDER_WEBHOOK: 'hooks.slack.com/services/T0/B0/secretpart' }, /not a URL/);
  try {
    resolveServiceConfig({}, { FLIGHT_RECORDER_WEBHOOK: 'ftp://hooks.example/secretpart' }, '/', NOW);
  } catch (err) {
    assert.doesNotMatch((err as Error).message, /secretpart/);
  }
});

test('the printed address of a wildcard bind is one a browser can open', () => {
  assert.equal(serviceUrl('127.0.0.1', 8080), 'http://127.0.0.1:8080');
  assert.equal(serviceUrl('0.0.0.0', 8080), 'http://localhost:8080');
  assert.equal(serviceUrl('::1', 8080), 'http://[::1]:8080');
});
