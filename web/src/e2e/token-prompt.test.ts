/**
 * The token prompt in a real browser (Debian's Chromium), over the real service started with
 * FLIGHT_RECORDER_TOKEN: the page asks once, refuses a wrong token, and goes live with the right one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FollowedService } from '../../../server/testing/followed-service.ts';
import { onPage, startBrowserSession } from '../../../server/testing/dashboard-browser.ts';
import type { BrowserSession, DashboardBrowser } from '../../../server/testing/dashboard-browser.ts';
import { auditOpen, connectionId, trafficLine } from '../../../server/testing/staging-log-lines.ts';

const WAIT_MS = 15_000;
const TOKEN = '6f1c0e9a4b7d2e8f3a5c1b9d7e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f';
const SESSION_COOKIE = 'flight_recorder_session';

let session: BrowserSession | undefined;
let service: FollowedService;
let browser: DashboardBrowser;

before(async () => {
  const now = Date.now();
  let history = '';
  for (let i = 0; i < 120; i++) history += trafficLine(i, now - 240_000 + i * 2000, 'tokenhist');
  session = await startBrowserSession({ token: TOKEN, initial: history });
  ({ service, browser } = session);
});

after(async () => {
  await session?.close();
});

test('the page asks for the token, refuses a wrong one, and goes live with the right one', { timeout: 40_000 }, async () => {
  await onPage(browser, 'token-prompt', async (page, problems) => {
    await page.goto(`${service.url}/`);
    const prompt = page.getByTestId('token-prompt');
    await prompt.waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await page.locator('dialog[open]').count(), 1, 'one prompt, however many calls were refused');
    assert.equal(await page.getByTestId('target-tiles').count(), 0, 'no data is shown before signing in');
    // Until then the page only met 401s (Chromium words the socket's as "HTTP Authentication failed") and logs each
    // one; nothing else went wrong.
    assert.ok(problems.list.length > 0, 'the refused calls are seen');
    assert.deepEqual(
      problems.list.filter((p) => !/\b401\b|HTTP Authentication failed/.test(p)),
      [],
      'every problem before signing in is a 401',
    );

    await page.getByTestId('token-input').fill(`${TOKEN.slice(0, -4)}beef`);
    await page.getByTestId('token-submit').click();
    await prompt.getByRole('alert').waitFor({ timeout: WAIT_MS });
    assert.ok(await prompt.isVisible(), 'the prompt stays open after a wrong token');
    const cookiesAfterWrong = await browser.context.cookies(service.url);
    assert.equal(cookiesAfterWrong.filter((c) => c.name === SESSION_COOKIE).length, 0, 'a wrong token gets no session');

    await page.getByTestId('token-input').fill(TOKEN);
    await page.getByTestId('token-submit').click();
    await prompt.waitFor({ state: 'hidden', timeout: WAIT_MS });
    // While the prompt was open the page kept asking (and hearing 401); what it asks from here on must work.
    problems.clear();
    const cookie = (await browser.context.cookies(service.url)).find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie !== undefined, 'the right token gets the session cookie');
    assert.equal(cookie.httpOnly, true, 'which scripts on the page cannot read');
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie.includes('flight_recorder_session')), false);

    await page.getByTestId('target-tiles').waitFor({ timeout: WAIT_MS });
    await page.locator('[data-testid="live-indicator"][data-phase="live"]').waitFor({ timeout: WAIT_MS });
    // Live means the socket delivers: a stream opened now appears in the newest events.
    const conn = connectionId(Date.now(), 'signedin1');
    service.append(auditOpen(Date.now(), conn));
    await page.getByTestId('recent-events').getByText(conn, { exact: true }).first().waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('dialog[open]').count(), 0, 'the prompt stays closed once signed in');
    assert.deepEqual(problems.list, [], 'after signing in, nothing fails');
  });
});
