// The layout's import rules (README.md, Layout): core imports nothing from the other folders, ingest only core,
// server core and ingest, web only types from core. A store behind one small interface stays swappable only
// while nothing reaches around it, so the rule is checked, not hoped for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** What each folder's files (tests included) may import from the project, besides their own folder. */
const ALLOWED: Record<string, { values: readonly string[]; types: readonly string[] }> = {
  core: { values: [], types: [] },
  ingest: { values: ['core'], types: ['core'] },
  server: { values: ['core', 'ingest'], types: ['core', 'ingest'] },
  web: { values: [], types: ['core'] },
};

/**
 * The dashboard's browser tests start the whole service to drive the page in Chromium: they test web/ from the
 * outside, and no code of the dashboard's bundle imports them.
 */
const WHOLE_SERVICE_TESTS = join('web', 'src', 'e2e');

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Each project import of a file: the top-level folder it reaches, and whether only its types are taken. */
function projectImports(file: string): { folder: string; typeOnly: boolean; spec: string }[] {
  const text = readFileSync(file, 'utf8');
  const found: { folder: string; typeOnly: boolean; spec: string }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (spec === undefined || !spec.startsWith('.')) continue;
    const target = relative(ROOT, resolve(dirname(file), spec));
    found.push({ folder: target.split(sep)[0] ?? '', typeOnly: m[2] !== undefined, spec });
  }
  return found;
}

test('each folder imports only what the layout allows it', () => {
  const broken: string[] = [];
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    for (const file of sources(join(ROOT, folder))) {
      if (relative(ROOT, file).startsWith(WHOLE_SERVICE_TESTS + sep)) continue;
      for (const i of projectImports(file)) {
        if (i.folder === folder) continue;
        const ok = (i.typeOnly ? allowed.types : allowed.values).includes(i.folder);
        if (!ok) broken.push(`${relative(ROOT, file)} imports ${i.typeOnly ? 'types from ' : ''}${i.spec}`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test('the rule sees a forbidden import', () => {
  const found = projectImports(join(ROOT, 'scripts', 'fixtures', 'reaches-around.ts.txt'));
  assert.deepEqual(
    found.map((i) => [i.folder, i.typeOnly]),
    [['core', true], ['ingest', false], ['server', false]],
  );
});
