import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { ADMIN_PASSWORD, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { MessageAttempt } from '../../message-log/message-log-ports.ts';

function attempt(id: string, appId: string, to: string, createdAt: number): MessageAttempt {
  return {
    id,
    appId,
    verificationId: `ver_${id}`,
    channel: 'sms',
    to,
    country: 'TR',
    provider: 'sandbox',
    providerMessageId: null,
    status: 'sent',
    latencyMs: 9,
    errorCode: null,
    txCode: `TX-${id}`,
    deviceId: null,
    messageId: null,
    createdAt,
  };
}

// A browser and a server share two cores with the rest of the suite.
describe("the console's Messages page in a real browser", { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer({ dispatcher: false }), launchBrowser()]);
    const shopId = (await server.createApp('Shop')).appId;
    const bankId = (await server.createApp('Bank')).appId;
    const log = server.deps.messageLog;
    const t = server.deps.clock.now();
    await log.recordAttempt(attempt('msg_shop1', shopId, '+905551230001', t - 3000));
    await log.recordAttempt(attempt('msg_shop2', shopId, '+905551230002', t - 2000));
    await log.recordAttempt(attempt('msg_bank1', bankId, '+905551230001', t - 1000));
    await log.appendStatus(shopId, 'msg_shop1', { status: 'delivered', at: t - 2500 });
    await createAdmin(server, 'shop@example.com', { role: 'viewer', appIds: [shopId] });
    // More than a page (50) of one app's messages.
    const busyId = (await server.createApp('Busy')).appId;
    for (let i = 0; i < 55; i++) {
      const to = `+90555000${String(i).padStart(4, '0')}`;
      await log.recordAttempt(attempt(`msg_busy${i}`, busyId, to, t - 10_000 - i));
    }
    await createAdmin(server, 'busy@example.com', { role: 'admin', appIds: [busyId] });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shopId] });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  const openMessages = async (viewport = DESKTOP, email = 'shop@example.com'): Promise<Page> => {
    const context = await chrome.browser.newContext({
      viewport,
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/console#messages`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    return page;
  };
  const rowButtons = (page: Page) => page.getByRole('button', { name: /^Show message to/ });

  it("searches by destination, opens a message's timeline, and exports the filter as CSV", async () => {
    const page = await openMessages();
    await expect.poll(() => rowButtons(page).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Destination').fill('+905551230001');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rowButtons(page).count()).toBe(1);
    const row = rowButtons(page).first();
    expect(await row.textContent()).toBe('+905•••••••01');
    expect(await page.getByText('+905551230001').count()).toBe(0);
    await screenshot(page, '4-messages', 'console');

    await row.click();
    const heading = page.getByRole('heading', { name: 'Message msg_shop1' });
    await heading.waitFor();
    expect(await heading.evaluate((node) => node === document.activeElement)).toBe(true);
    const timeline = page.locator('ol.timeline li');
    expect(await timeline.allTextContents()).toEqual([
      expect.stringContaining('sent'),
      expect.stringContaining('delivered'),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to results' }).click();
    await expect
      .poll(() =>
        rowButtons(page)
          .first()
          .evaluate((node) => node === document.activeElement),
      )
      .toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('messages.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]?.startsWith('id,createdAt,verificationId')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['msg_shop1']);
    await page.context().close();
  });

  it('filters by status, pages by cursor and fits a 320 px screen', async () => {
    const page = await openMessages(PHONE, 'busy@example.com');
    await expect.poll(() => rowButtons(page).count()).toBe(50);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => rowButtons(page).count()).toBe(55);
    expect(await page.getByRole('button', { name: 'Next page' }).count()).toBe(0);

    await page.getByLabel('Status').selectOption('delivered');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No message matches.').waitFor();
    await page.context().close();
  });

  it('tells an agent their role does not show the log', async () => {
    const page = await openMessages(DESKTOP, 'agent@example.com');
    await page.getByRole('alert').getByText('Your role does not show the message log.').waitFor();
    expect(await rowButtons(page).count()).toBe(0);
    await page.context().close();
  });
});
