import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readToml } from './read-toml.ts';
import type { TomlTable } from './read-toml.ts';
import { DEFAULT_PORT, HEALTH_PATH, IMAGE_DB_PATH } from '../service-defaults.ts';
import { resolveServiceConfig } from '../service-config.ts';

const flyText = readFileSync(new URL('../../fly.toml', import.meta.url), 'utf8');
const fly = readToml(flyText);
const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
const entrypoint = readFileSync(new URL('../../deploy/docker-entrypoint.sh', import.meta.url), 'utf8');
const table = (t: TomlTable, key: string): TomlTable => t[key] as TomlTable;

test("fly.toml sends traffic to the service's port and keeps the machine running", () => {
  const http = table(fly, 'http_service');
  assert.equal(http['internal_port'], DEFAULT_PORT);
  assert.equal(table(fly, 'env')['PORT'], String(DEFAULT_PORT));
  assert.equal(http['auto_stop_machines'], 'off');
  assert.ok((http['min_machines_running'] as number) >= 1);
  assert.equal(table(fly, 'build')['dockerfile'], 'Dockerfile');
});

test("fly.toml checks the service's health path on its port", () => {
  const checks = Object.values(table(fly, 'checks')) as TomlTable[];
  const health = checks.find((c) => c['path'] === HEALTH_PATH);
  assert.ok(health, `a check on ${HEALTH_PATH}`);
  assert.equal(health['type'], 'http');
  assert.equal(health['port'], DEFAULT_PORT);
});

test('the database lives on the mounted volume, in fly.toml and in the image alike', () => {
  const mounts = table(fly, 'mounts');
  assert.equal(mounts['destination'], dirname(IMAGE_DB_PATH));
  assert.equal(table(fly, 'env')['FLIGHT_RECORDER_DB'], IMAGE_DB_PATH);
  assert.match(dockerfile, new RegExp(`FLIGHT_RECORDER_DB=${IMAGE_DB_PATH}`));
  assert.match(dockerfile, new RegExp(`EXPOSE ${DEFAULT_PORT}`));
});

test('a public bind on Fly comes with a token kept as a secret, never in the file', () => {
  assert.equal(table(fly, 'env')['FLIGHT_RECORDER_HOST'], '0.0.0.0');
  assert.doesNotMatch(flyText, /^\s*FLIGHT_RECORDER_(TOKEN|SECRET|NATS_PASSWORD)\s*=/m);
  assert.match(flyText, /fly secrets set FLIGHT_RECORDER_TOKEN=/);
  assert.doesNotMatch(flyText, /^\s*FLY_APP_NAME\s*=/m);
});

test("on Fly the one proxy in front is trusted, so rate limits count clients rather than Fly's proxy", () => {
  assert.equal(table(fly, 'env')['FLIGHT_RECORDER_TRUSTED_PROXIES'], '1');
  assert.equal(resolveServiceConfig({}, { ...table(fly, 'env'), FLIGHT_RECORDER_TOKEN: 'x'.repeat(40), FLIGHT_RECORDER_NATS_USER: 'org', FLIGHT_RECORDER_NATS_PASSWORD: 'token' }, '/', 0).trustedProxies, 1);
});

test('the image builds in two stages and runs as node, without core dumps or diagnostic flags', () => {
  assert.match(dockerfile, /^FROM node:20-slim AS builder$/m);
  assert.equal((dockerfile.match(/^FROM /gm) ?? []).length, 2);
  assert.match(dockerfile, /RUN npm ci\b/);
  assert.match(dockerfile, /npm run build:web/);
  const instructions = dockerfile.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
  assert.match(instructions, /NODE_OPTIONS=--max-old-space-size=\d+$/m);
  assert.doesNotMatch(instructions, /--heapsnapshot|--report-|--heap-prof|--cpu-prof|--abort-on-uncaught/);
  assert.match(entrypoint, /^ulimit -c 0$/m);
  assert.match(entrypoint, /exec setpriv --reuid=node --regid=node --init-groups --no-new-privs -- "\$@"/);
});

test('the TOML reader reads tables, arrays of tables and quoted #', () => {
  const t = readToml('a = 1\n[b]\n  c = "x # y" # note\n[[d]]\n  e = true\n[[d]]\n  e = false\n[f.g]\n  h = "i"\n');
  assert.deepEqual(t, { a: 1, b: { c: 'x # y' }, d: [{ e: true }, { e: false }], f: { g: { h: 'i' } } });
});
