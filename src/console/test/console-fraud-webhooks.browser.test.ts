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
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import type { FraudDecision } from '../../abuse/domain/fraud.ts';
import { WEBHOOK_ATTEMPTS } from '../../webhooks/event-announcer.ts';
import { blockDecision } from './block-decision.ts';

const HOUR_MS = 3_600_000;
/** Longer than the longest wait between two scheduled tries of a delivery. */
const ROUND_MS = 13 * HOUR_MS;

// A browser and a server share two cores with the rest of the suite.
describe("the console's Fraud and Webhooks pages in a real browser", { timeout: 90_000 }, () => {
  // Started in the past so that once every scheduled try is spent the clock reads about now:
  // the session cookie's expiry is real time to the browser.
  const clock = createFakeClock(Date.now() - WEBHOOK_ATTEMPTS * ROUND_MS);
  let server: TestServer;
  let chrome: TestBrowser;
  let receiver: FakeGateway;
  /** The app whose ranges are blocked. */
  let shop: { appId: string; client: Client };
  /** The app whose events go to the receiver. */
  let hooks: { appId: string; client: Client };
  let failedId: string;

  const decision = (overrides: Partial<FraudDecision>) =>
    blockDecision(shop.appId, clock.now(), overrides);
  const drain = async () => {
    for (let i = 0; i < 10 && (await server.deps.webhooks.runOnce()) > 0; i++);
  };

  beforeAll(async () => {
    receiver = await startFakeGateway(answer(500));
    [server, chrome] = await Promise.all([
      startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }, dispatcher: false }),
      launchBrowser(),
    ]);
    shop = await server.createApp('Shop');
    hooks = await server.createApp('Hooks');
    const put = await hooks.client.request('PUT', '/v1/settings', {
      webhooks: [
        {
          url: `${receiver.url}/otp-events`,
          events: ['verification.created', 'verification.approved'],
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        },
      ],
    });
    expect(put.status, put.text).toBe(200);
    // The receiver answers 500 to every scheduled try of the first event …
    await hooks.client.post('/v1/verifications', { to: '+905551230001' });
    for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
      await drain();
      clock.advance(ROUND_MS);
    }
    failedId = (await hooks.client.get('/v1/webhook-deliveries')).body.data[0].id;
    // … and then takes events again.
    receiver.behave(succeed);
    await hooks.client.post('/v1/verifications', { to: '+905551230002' });
    await drain();
    // From here on a delivery sent again goes out at once.
    server.deps.webhooks.start();

    const store = server.deps.store;
    await store.recordFraudDecision(decision({ id: 'frd_tr' }));
    await store.recordFraudDecision(
      decision({ id: 'frd_gb', prefix: '+4477009', country: 'GB', channel: 'whatsapp' }),
    );
    await store.recordFraudDecision(
      decision({
        id: 'frd_old',
        prefix: '+88216',
        country: 'ZZ',
        createdAt: clock.now() - 13 * HOUR_MS,
        expiresAt: clock.now() - HOUR_MS,
      }),
    );
    const appIds = [shop.appId, hooks.appId];
    await createAdmin(server, 'admin@example.com', { role: 'admin', appIds });
    await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await receiver?.close();
  });

  const open = async (
    hash: string,
    heading: string,
    options: { viewport?: typeof DESKTOP; email?: string; locale?: string } = {},
  ): Promise<Page> => {
    const context = await chrome.browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/console#${hash}`);
    const english = (options.locale ?? 'en-US').startsWith('en');
    await page.getByLabel(english ? 'Email' : 'E-posta').fill(options.email ?? 'admin@example.com');
    await page.getByLabel(english ? 'Password' : 'Parola').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: english ? 'Sign in' : 'Giriş yap' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return page;
  };
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('unblocks a range with the keyboard, after a confirmation, and says so', async () => {
    const page = await open('fraud', 'Fraud');
    const table = page.getByRole('table', { name: 'Number ranges the guard decided on' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '15-fraud', 'console');

    const unblock = page.getByRole('button', { name: `Unblock +90555124 (${shop.appId})` });
    await unblock.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Unblock +90555124?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('Unblock');
    expect(await seriousViolations(page)).toEqual([]);
    // Escape asks nothing of the server: the block stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('Unblock');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Cancelled as by Escape and asked again at once, before the dialog's close event (a later
    // task): the page heard the first answer first, so the second question stays.
    await page.evaluate(async () => {
      const open = document.querySelector('dialog') as HTMLDialogElement & { requestClose(): void };
      open.requestClose();
      await Promise.resolve();
      await Promise.resolve();
      (document.activeElement as HTMLElement).click();
    });
    await dialog.waitFor({ timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dialog.isVisible()).toBe(true);
    expect(await focused(page)).toBe('Unblock');
    await page.keyboard.press('Enter');

    const status = page.getByRole('status');
    await status.getByText('+90555124 is unblocked: codes to it go out again.').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    const started = await shop.client.post('/v1/verifications', { to: '+905551240007' });
    expect(started.status, started.text).toBe(201);

    await page.getByLabel('Also show expired and unblocked ranges').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    expect(await table.getByText('Unblocked').count()).toBe(1);
    await page.context().close();
  });

  it('sends a failed delivery again from its detail and shows it delivered', async () => {
    const page = await open('webhooks', 'Webhooks');
    const table = page.getByRole('table', { name: 'Webhook deliveries' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '16-webhooks', 'console');

    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const row = page.getByRole('button', {
      name: /^verification\.created, .*: show the delivery$/,
    });
    await row.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Delivery ${failedId}` });
    // The page moves the focus to its heading once the delivery is read, not when it opens.
    await expect.poll(() => heading.evaluate((node) => node === document.activeElement)).toBe(true);
    const attempts = page.getByRole('table', { name: 'Attempts and answers' });
    expect(await attempts.getByRole('row').count()).toBe(WEBHOOK_ATTEMPTS + 1);
    expect(await attempts.getByRole('cell', { name: '500', exact: true }).count()).toBe(
      WEBHOOK_ATTEMPTS,
    );
    expect(await seriousViolations(page)).toEqual([]);

    const received = receiver.requests.length;
    await page.getByRole('button', { name: 'Send again' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `Send delivery ${failedId} again?` }).waitFor();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await status
      .getByText(`Delivery ${failedId} was delivered: the endpoint answered 200.`)
      .waitFor();
    expect(receiver.requests).toHaveLength(received + 1);
    await expect.poll(() => attempts.getByRole('row').count()).toBe(WEBHOOK_ATTEMPTS + 2);
    expect(await attempts.getByRole('cell', { name: 'Delivered' }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('definition').getByText('Delivered', { exact: true }).count())
      .toBe(1);
    // Delivered now, it no longer matches the filter: the focus goes to the results.
    await page.getByRole('button', { name: 'Back to deliveries' }).click();
    await expect.poll(() => focused(page)).toBe('No delivery matches.');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Search' }).click();
    // The older of the two, newest first.
    await row.last().click();
    await heading.waitFor();
    await page.getByRole('button', { name: 'Back to deliveries' }).click();
    await expect.poll(() => focused(page)).toBe('verification.created');

    // The list cannot be read again on the way back: the focus goes to the page's alert.
    await row.last().click();
    await heading.waitFor();
    await page.route(
      (url) => url.pathname.endsWith('/console/api/webhook-deliveries'),
      (route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }),
    );
    await page.getByRole('button', { name: 'Back to deliveries' }).click();
    await expect.poll(() => focused(page)).toBe('Something went wrong. Please try again.');
    await page.context().close();
  });

  it('fits a phone: 320 px pages, and a delivery at 360 px', async () => {
    const page = await open('fraud', 'Fraud', { viewport: PHONE });
    await page.getByRole('table').waitFor();
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('button', { name: /show the delivery$/ })
      .last()
      .click();
    await page.getByRole('heading', { name: `Delivery ${failedId}` }).waitFor();
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page
      .getByRole('heading', { name: `Delivery ${failedId}` })
      .evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await screenshot(page, '17-webhook-delivery-phone', 'console');
    await page.context().close();
  });

  it('shows a viewer no Unblock nor Send again, in Turkish', async () => {
    const page = await open('webhooks', "Webhook'lar", {
      email: 'viewer@example.com',
      locale: 'tr-TR',
    });
    const table = page.getByRole('table', { name: 'Webhook teslimatları' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.getByText('Teslim edildi').count()).toBe(2);
    await page
      .getByRole('button', { name: /teslimatı göster$/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Denemeler ve yanıtlar' }).waitFor();
    expect(
      await page.getByText('Rolünüz teslimatları görebilir ama yeniden gönderemez.').count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: 'Yeniden gönder' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Dolandırıcılık' }).click();
    await page.getByRole('heading', { name: 'Dolandırıcılık', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Korumanın karar verdiği numara aralıkları' }).waitFor();
    expect(await page.getByText('Rolünüz engelleri görebilir ama kaldıramaz.').count()).toBe(1);
    expect(await page.getByRole('button', { name: /engelini kaldır/ }).count()).toBe(0);
    await page.context().close();
  });

  it('tells an agent their role does not show deliveries', async () => {
    const page = await open('webhooks', 'Webhooks', { email: 'agent@example.com' });
    await page
      .getByRole('alert')
      .getByText('Your role does not show webhook deliveries.')
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();
  });
});
