/**
 * Debian's Chromium driven by playwright-core, for the browser tests and the browser benchmark. Never a
 * downloaded browser: CI installs `chromium` with apt. One browser per test file, with a fresh profile that is
 * removed on close.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startFollowedService } from './followed-service.ts';
import type { FollowedService, FollowedServiceOptions } from './followed-service.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface DashboardBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchDashboardBrowser(): Promise<DashboardBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (a downloaded browser is not used)`);
  const profile = mkdtempSync(join(tmpdir(), 'fr-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

export interface BrowserSession {
  service: FollowedService;
  browser: DashboardBrowser;
  close(): Promise<void>;
}

/** The service and the browser, started side by side; when either fails, the other is closed again. */
export async function startBrowserSession(options: FollowedServiceOptions = {}): Promise<BrowserSession> {
  const [service, browser] = await Promise.allSettled([startFollowedService(options), launchDashboardBrowser()]);
  if (service.status === 'rejected' || browser.status === 'rejected') {
    await Promise.allSettled([
      service.status === 'fulfilled' ? service.value.close() : undefined,
      browser.status === 'fulfilled' ? browser.value.close() : undefined,
    ]);
    throw service.status === 'rejected' ? service.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    service: service.value,
    browser: browser.value,
    async close() {
      await Promise.allSettled([browser.value.close(), service.value.close()]);
    },
  };
}

export interface PageProblems {
  /** Console errors, uncaught exceptions, failed requests and HTTP error answers, one line each. */
  list: string[];
  /** Forgets what was seen so far, and the answers to requests already sent (after a step that fails on purpose). */
  clear(): void;
}

/**
 * Everything on the page that a person would call broken. A request the page cancels itself (a socket closed
 * on navigation, an aborted fetch) is not a failure. A failed load is counted once, by its answer, which names
 * the path; Chromium's console line for it ("Failed to load resource") does not.
 */
export function watchProblems(page: Page): PageProblems {
  const list: string[] = [];
  const sentAt = new WeakMap<Request, number>();
  let clearedAt = 0;
  const sentBeforeClear = (request: Request): boolean => (sentAt.get(request) ?? 0) < clearedAt;
  page.on('request', (request) => {
    sentAt.set(request, Date.now());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) list.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => list.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (failure.includes('ERR_ABORTED') || sentBeforeClear(request)) return;
    list.push(`request failed: ${request.method()} ${new URL(request.url()).pathname} (${failure})`);
  });
  page.on('response', (response) => {
    if (response.status() < 400 || sentBeforeClear(response.request())) return;
    list.push(`HTTP ${response.status()}: ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return {
    list,
    clear() {
      list.length = 0;
      clearedAt = Date.now();
    },
  };
}

/** A new page of the browser with its problems watched. */
export async function openWatchedPage(browser: DashboardBrowser): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.context.newPage();
  return { page, problems: watchProblems(page) };
}

/**
 * Runs `steps` on a new watched page and closes it. When a step fails, a screenshot of the page as it was is
 * kept in the temp folder and named in the error: a browser test that fails on CI only is otherwise blind.
 */
export async function onPage(browser: DashboardBrowser, name: string, steps: (page: Page, problems: PageProblems) => Promise<void>): Promise<void> {
  const { page, problems } = await openWatchedPage(browser);
  try {
    await steps(page, problems);
  } catch (err) {
    const shot = join(tmpdir(), `flight-recorder-e2e-${name}.png`);
    const saved = await page.screenshot({ path: shot, fullPage: true }).then(
      () => true,
      () => false,
    );
    if (saved && err instanceof Error) err.message += `\n(screenshot of the page: ${shot})`;
    throw err;
  } finally {
    await page.close();
  }
}
