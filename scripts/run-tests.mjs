#!/usr/bin/env node
// Node 20's test runner does not expand globs, so the test files are found here and handed to it.
// Usage: node scripts/run-tests.mjs [folder-or-file ...]   (default: every *.test.ts of the project)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['core', 'ingest', 'server', 'cli', 'web/src', 'scripts'];
const skip = new Set(['node_modules', 'dist', '.git']);

function collect(path, out) {
  let st;
  try { st = statSync(path); } catch { return; }
  if (st.isFile()) { if (/\.test\.tsx?$/.test(path)) out.push(path); return; }
  for (const name of readdirSync(path)) if (!skip.has(name)) collect(join(path, name), out);
}

const files = [];
for (const root of roots) collect(root, files);
if (files.length === 0) { console.error('no test files found under ' + roots.join(', ')); process.exit(2); }
files.sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
