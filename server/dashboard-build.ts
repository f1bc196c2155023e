import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type DashboardState = 'fresh' | 'built' | 'unavailable';

export interface DashboardBuildOptions {
  /** The page's sources (`web/`); the build goes to `<webRoot>/dist`. */
  webRoot: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Runs the build; a child `vite build` by default. */
  build?: (webRoot: string) => Promise<void>;
}

/**
 * `npm start` on a fresh clone must show the dashboard: build it when `web/dist` is missing or older than its
 * sources. A failed build is not fatal: the API runs, and `/` says how to build the page by hand.
 */
export async function ensureDashboardBuilt(options: DashboardBuildOptions): Promise<DashboardState> {
  const { webRoot, log } = options;
  const builtIndex = join(webRoot, 'dist', 'index.html');
  const hasSources = existsSync(join(webRoot, 'index.html'));
  if (existsSync(builtIndex) && (!hasSources || newestSourceMtime(webRoot) <= statSync(builtIndex).mtimeMs)) return 'fresh';
  if (!hasSources) {
    log.warn({}, 'the dashboard is neither built nor present: serving the API only');
    return 'unavailable';
  }
  log.info({}, 'building the dashboard (vite build web); this happens once after a change of the page');
  try {
    await (options.build ?? viteBuild)(webRoot);
  } catch (err) {
    log.warn({ err }, 'the dashboard build failed: serving the API only (run npm run build:web to see why)');
    return 'unavailable';
  }
  return existsSync(builtIndex) ? 'built' : 'unavailable';
}

const SKIP = new Set(['dist', 'node_modules', '.vite']);

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestSourceMtime(path) : st.mtimeMs);
  }
  return newest;
}

/** A child process: the build's memory goes with it, and its output goes to stderr, not into the JSON log. */
function viteBuild(webRoot: string): Promise<void> {
  const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
  const viteBin = join(dirname(vitePackage), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', webRoot, '--logLevel', 'warn'], { stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`))));
  });
}
