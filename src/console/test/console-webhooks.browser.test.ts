import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations } from '../../../test/helpers/browser.ts';
import { WEBHOOK_ATTEMPTS } from '../../webhooks/event-announcer.ts';
import { focused, useFraudWebhooksConsole } from './console-fraud-webhooks-fixture.ts';

// A browser and a server share two cores with the rest of the suite.
describe("the console's Webhooks page in a real browser", { timeout: 90_000 }, () => {
  const world = useFraudWebhooksConsole();

  it('sends a failed delivery again from its detail and shows it delivered', async () => {
    const page = await world.open('webhooks', 'Webhooks');
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
    const heading = page.getByRole('heading', { name: `Delivery ${world.failedId}` });
    // The page moves the focus to its heading once the delivery is read, not when it opens.
    await expect.poll(() => heading.evaluate((node) => node === document.activeElement)).toBe(true);
    const attempts = page.getByRole('table', { name: 'Attempts and answers' });
    expect(await attempts.getByRole('row').count()).toBe(WEBHOOK_ATTEMPTS + 1);
    expect(await attempts.getByRole('cell', { name: '500', exact: true }).count()).toBe(
      WEBHOOK_ATTEMPTS,
    );
    expect(await seriousViolations(page)).toEqual([]);

    const received = world.receiver.requests.length;
    await page.getByRole('button', { name: 'Send again' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `Send delivery ${world.failedId} again?` }).waitFor();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await status
      .getByText(`Delivery ${world.failedId} was delivered: the endpoint answered 200.`)
      .waitFor();
    expect(world.receiver.requests).toHaveLength(received + 1);
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
});
