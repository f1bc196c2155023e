/**
 * The dashboard in a real browser (Debian's Chromium), over the real service following a file into a real
 * SQLite store: what a person sees, and what arrives while they look. One browser and one service for the file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { FollowedService } from '../../../server/testing/followed-service.ts';
import { onPage, startBrowserSession } from '../../../server/testing/dashboard-browser.ts';
import type { BrowserSession, DashboardBrowser } from '../../../server/testing/dashboard-browser.ts';
import {
  auditClose,
  auditOpen,
  connectionId,
  linePrefix,
  proxyErrorWithUrl,
  streamBackendError,
  trafficLine,
} from '../../../server/testing/staging-log-lines.ts';

const WAIT_MS = 15_000;
const VIEWS = ['live', 'compliance', 'events', 'incidents', 'status'] as const;

let session: BrowserSession | undefined;
let service: FollowedService;
let browser: DashboardBrowser;
/** Traffic lines written so far: each batch continues the mix where the last one stopped. */
let written = 0;

/** The last ten minutes of staging, one line every 1.5 s: enough for every chart, findings and incidents. */
function history(nowMs: number): string {
  let text = '';
  for (let i = 0; i < 400; i++) text += trafficLine(i, nowMs - 600_000 + i * 1500, 'historyxx');
  written = 400;
  return text;
}

function moreTraffic(count: number): string {
  let text = '';
  const now = Date.now();
  for (let i = 0; i < count; i++) text += trafficLine(written + i, now, 'historyxx');
  written += count;
  return text;
}

before(async () => {
  session = await startBrowserSession({ initial: history(Date.now()) });
  ({ service, browser } = session);
});

after(async () => {
  await session?.close();
});

function headlineFigure(page: Page, name: string) {
  return page.getByTestId('headline').locator('.figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
}

async function numberIn(page: Page, name: string): Promise<number> {
  const text = await headlineFigure(page, name).innerText();
  const n = Number(text.trim());
  assert.ok(Number.isFinite(n), `the ${name} figure shows a number`);
  return n;
}

test('the first page shows the target tiles and the charts of the live staging view', { timeout: 30_000 }, async () => {
  await onPage(browser, 'first-page', async (page, problems) => {
    await page.goto(`${service.url}/`);
    await page.getByTestId('target-tiles').waitFor({ timeout: WAIT_MS });
    const tiles = page.locator('[data-testid^="target-tile-"]');
    assert.ok((await tiles.count()) >= 5, 'a tile for each target of the test plan');
    const statuses = await tiles.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-status')));
    assert.ok(statuses.every((s) => s !== null && s !== ''), 'every tile says PASS, FAIL or not judgeable');
    // The history holds leaked queries, so the plaintext-query target must fail.
    assert.ok(statuses.includes('fail'), 'the leaked queries of the history fail their target');

    // Recharts draws its lines as SVG paths inside .recharts-wrapper once it has data and a size.
    await page.locator('.recharts-wrapper svg path.recharts-curve').first().waitFor({ timeout: WAIT_MS });
    const charts = await page.locator('.recharts-wrapper').count();
    assert.ok(charts >= 4, `the live view draws its charts (found ${charts})`);
    const drawn = await page.locator('.recharts-wrapper svg path.recharts-curve').evaluateAll((paths) =>
      paths.filter((p) => (p.getAttribute('d') ?? '').length > 20).length,
    );
    assert.ok(drawn >= 4, `the charts hold drawn lines, not empty axes (found ${drawn})`);
    assert.equal(await numberIn(page, 'Entries'), 400);
    assert.deepEqual(problems.list, []);
  });
});

test('the live view changes while stream opens and closes arrive, without a reload', { timeout: 30_000 }, async () => {
  await onPage(browser, 'changes', async (page, problems) => {
    await page.goto(`${service.url}/`);
    await page.getByTestId('headline').waitFor({ timeout: WAIT_MS });
    await page.evaluate(() => {
      (window as unknown as { pageMark?: string }).pageMark = 'still the first load';
    });
    const openedBefore = await numberIn(page, 'Opened');
    const entriesBefore = await numberIn(page, 'Entries');

    const now = Date.now();
    const conns = [0, 1, 2, 3, 4].map((k) => connectionId(now + k, `arrives${k}`));
    let text = '';
    conns.forEach((conn, k) => {
      text += auditOpen(now, conn, k);
    });
    conns.forEach((conn, k) => {
      text += auditClose(now, conn, 60 + k, 900 + k, k);
    });
    service.append(text);

    await page.waitForFunction(
      (expected) => {
        const figures = [...document.querySelectorAll('[data-testid="headline"] .figure')];
        const opened = figures.find((f) => f.querySelector('dt')?.textContent === 'Opened');
        return opened?.querySelector('dd')?.textContent === String(expected);
      },
      openedBefore + conns.length,
      { timeout: WAIT_MS },
    );
    assert.equal(await numberIn(page, 'Entries'), entriesBefore + 2 * conns.length);
    // The newest events list shows the new connections as they come off the socket.
    await page.getByTestId('recent-events').getByText(conns[4] ?? '', { exact: true }).first().waitFor({ timeout: WAIT_MS });
    const mark = await page.evaluate(() => (window as unknown as { pageMark?: string }).pageMark);
    assert.equal(mark, 'still the first load', 'the page changed in place, it was not reloaded');
    assert.deepEqual(problems.list, []);
  });
});

/** What each view shows once its data is in. */
async function waitUntilShown(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.getByTestId(`view-${view}`).waitFor({ timeout: WAIT_MS });
  switch (view) {
    case 'live':
      await page.locator('.recharts-wrapper svg path.recharts-curve').first().waitFor({ timeout: WAIT_MS });
      return;
    case 'compliance':
      await page.getByTestId('leak-sources').waitFor({ timeout: WAIT_MS });
      await page.getByTestId('findings-table').waitFor({ timeout: WAIT_MS });
      return;
    case 'events':
      await page.getByTestId('events-table').locator('tbody tr').first().waitFor({ timeout: WAIT_MS });
      return;
    case 'incidents':
      await page.getByTestId('incidents-list').waitFor({ timeout: WAIT_MS });
      return;
    case 'status':
      await page.getByTestId('source-state').waitFor({ timeout: WAIT_MS });
      return;
  }
}

/** The deeper page of a view: an incident's timeline, a connection's life, a finding's detail. */
async function openDetail(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  if (view === 'incidents') {
    await page.locator('[data-testid^="incident-"]').filter({ has: page.locator('strong') }).first().click();
    await page.getByTestId('incident-timeline').waitFor({ timeout: WAIT_MS });
  } else if (view === 'events') {
    await page.getByTestId('events-table').getByRole('button', { name: /Show the life of connection/ }).first().click();
    await page.getByTestId('connection-streams').waitFor({ timeout: WAIT_MS });
  } else if (view === 'compliance') {
    await page.getByTestId('findings-table').getByRole('button', { name: /Review/ }).first().click();
    await page.getByTestId('finding-detail').waitFor({ timeout: WAIT_MS });
  }
}

test('every view loads from its link, and opens its detail, with no console error and no failed request', { timeout: 45_000 }, async () => {
  for (const view of VIEWS) {
    await onPage(browser, `view-${view}`, async (page, problems) => {
      await page.goto(`${service.url}/?view=${view}&range=1h`);
      await waitUntilShown(page, view);
      service.append(moreTraffic(40));
      await openDetail(page, view);
      // Let a live update or two land on the open view.
      await page.waitForTimeout(1200);
      assert.equal(await page.getByTestId('state-error').count(), 0, `the ${view} view shows no error state`);
      assert.deepEqual(problems.list, [], `the ${view} view loads cleanly`);
    });
  }
});

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';

async function assertNothingRan(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll('img[src="x"], [onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__xss')).length,
  }));
  assert.deepEqual(state, { xss: undefined, images: 0, scripts: 0 }, `nothing of the log line became markup in ${where}`);
}

test('a log line carrying an <img onerror> and a <script> is shown as text and runs nothing', { timeout: 40_000 }, async () => {
  await onPage(browser, 'markup', async (page, problems) => {
    await page.goto(`${service.url}/`);
    await page.getByTestId('recent-events').waitFor({ timeout: WAIT_MS });
    // Stamped a little in the past, as `fly logs` delivers them: the events view's window ends at the whole
    // second it opened in, so a line stamped in that very second would only show after a refresh.
    const now = Date.now() - 2000;
    service.append(
      streamBackendError(now, `${IMG} ${SCRIPT}`) +
        streamBackendError(now, `fetch failed for https://backend.internal/v1/${SCRIPT}?next=${IMG}`, 1) +
        proxyErrorWithUrl(now, `/api/v2/${IMG}${SCRIPT}/chat-stream?query=visa%20for%20bali`, 2) +
        `${linePrefix(now, 'app', 1, 'info')} Request started: GET /api/v2/${IMG}${SCRIPT}/chat-stream?query=${SCRIPT}\n`,
    );

    // Wait for the rows by their type, not their text: markup in a summary must fail the check below, not a wait.
    const feed = page.getByTestId('recent-events');
    await feed.locator('li', { has: page.locator('.event-type', { hasText: 'stream.error' }) }).nth(1).waitFor({ timeout: WAIT_MS });
    await assertNothingRan(page, 'the live view');
    const summaries = await feed.locator('.event-summary').allInnerTexts();
    assert.ok(summaries.includes(`[Stream] Backend error: ${IMG} ${SCRIPT}`), 'the message is shown as the text it is');
    assert.ok(summaries.includes(`[Stream] Backend error: fetch failed for https://backend.internal/v1/${SCRIPT}?next=${IMG}`));

    await page.getByTestId('nav-events').click();
    const table = page.getByTestId('events-table');
    await table.locator('tbody tr', { has: page.locator('.event-type', { hasText: 'stream.error' }) }).nth(1).waitFor({ timeout: WAIT_MS });
    await assertNothingRan(page, 'the events view');
    const cells = await table.locator('td.text').allInnerTexts();
    assert.ok(cells.some((c) => c.startsWith(`[Stream] Backend error: ${IMG} ${SCRIPT}`)), 'the events table shows the message as text');
    assert.ok(cells.some((c) => c.includes(`https://backend.internal/v1/${SCRIPT}?next=${IMG}`)));

    // The leaked URL's path carries the markup into the leak's template (digits become <n>).
    await page.getByTestId('nav-compliance').click();
    const template = 'Request started: GET /api/v2/<img src=x onerror="window.__xss=<n>"><script>window.__xss=<n></script>/chat-stream?<…>';
    await page.getByTestId('leak-sources').locator('tbody tr').nth(3).waitFor({ timeout: WAIT_MS });
    await assertNothingRan(page, 'the compliance view');
    await page.getByTestId('leak-sources').getByText(template, { exact: true }).waitFor({ timeout: WAIT_MS });
    assert.deepEqual(problems.list, []);
  });
});
