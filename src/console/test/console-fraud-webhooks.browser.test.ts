import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, seriousViolations } from '../../../test/helpers/browser.ts';
import { fits, focused, useFraudWebhooksConsole } from './console-fraud-webhooks-fixture.ts';

// A browser and a server share two cores with the rest of the suite.
describe("the console's Fraud and Webhooks pages in a real browser", { timeout: 90_000 }, () => {
  const world = useFraudWebhooksConsole();

  it('unblocks a range with the keyboard, after a confirmation, and says so', async () => {
    const page = await world.open('fraud', 'Fraud');
    const table = page.getByRole('table', { name: 'Number ranges the guard decided on' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '15-fraud', 'console');

    const unblock = page.getByRole('button', { name: `Unblock +90555124 (${world.shop.appId})` });
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
    const started = await world.shop.client.post('/v1/verifications', { to: '+905551240007' });
    expect(started.status, started.text).toBe(201);

    await page.getByLabel('Also show expired and unblocked ranges').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    expect(await table.getByText('Unblocked').count()).toBe(1);
    await page.context().close();
  });
  it('fits a phone: 320 px pages, and a delivery at 360 px', async () => {
    const page = await world.open('fraud', 'Fraud', { viewport: PHONE });
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
    await page.getByRole('heading', { name: `Delivery ${world.failedId}` }).waitFor();
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page
      .getByRole('heading', { name: `Delivery ${world.failedId}` })
      .evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await screenshot(page, '17-webhook-delivery-phone', 'console');
    await page.context().close();
  });

  it('shows a viewer no Unblock nor Send again, in Turkish', async () => {
    const page = await world.open('webhooks', "Webhook'lar", {
      email: 'viewer@example.com',
      locale: 'tr-TR',
    });
    const table = page.getByRole('table', { name: 'Webhook teslimatları' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.getByText('Teslim edildi').count()).toBe(1);
    expect(await table.getByText('Başarısız').count()).toBe(1);
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
    const page = await world.open('webhooks', 'Webhooks', { email: 'agent@example.com' });
    await page
      .getByRole('alert')
      .getByText('Your role does not show webhook deliveries.')
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();
  });
});
