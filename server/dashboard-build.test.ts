import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDashboardBuilt } from './dashboard-build.ts';

const quiet = { info: () => undefined, warn: () => undefined };

function webFolder(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'fr-webroot-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'src', 'main.tsx'), 'export {};');
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const fakeBuild = (calls: string[]) => async (root: string) => {
  calls.push(root);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
};

test('a missing build is made once, then found fresh', async (t) => {
  const web = webFolder();
  t.after(web.cleanup);
  const calls: string[] = [];
  assert.equal(await ensureDashboardBuilt({ webRoot: web.root, log: quiet, build: fakeBuild(calls) }), 'built');
  assert.equal(await ensureDashboardBuilt({ webRoot: web.root, log: quiet, build: fakeBuild(calls) }), 'fresh');
  assert.equal(calls.length, 1);
});

test('a source changed after the build is built again', async (t) => {
  const web = webFolder();
  t.after(web.cleanup);
  const calls: string[] = [];
  await ensureDashboardBuilt({ webRoot: web.root, log: quiet, build: fakeBuild(calls) });
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(web.root, 'dist', 'index.html'), past, past);
  writeFileSync(join(web.root, 'src', 'main.tsx'), 'export const changed = 1;');
  assert.equal(await ensureDashboardBuilt({ webRoot: web.root, log: quiet, build: fakeBuild(calls) }), 'built');
  assert.equal(calls.length, 2);
});

test('a failed build leaves the API running, with a warning', async (t) => {
  const web = webFolder();
  t.after(web.cleanup);
  const warnings: string[] = [];
  const state = await ensureDashboardBuilt({
    webRoot: web.root,
    log: { info: () => undefined, warn: (_o, m) => warnings.push(m) },
    build: async () => {
      throw new Error('vite exploded');
    },
  });
  assert.equal(state, 'unavailable');
  assert.match(warnings[0] ?? '', /npm run build:web/);
});
