import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/** Authentication `none`: the chat opens without a phone or a code. */
describe('messenger without a code, in a real browser', { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;

  const newApp = async (name: string, messenger: Record<string, unknown>) => {
    const { client, appId } = await server.createApp(name);
    const put = await client.request('PUT', '/v1/settings', {
      messenger: { enabled: true, authentication: 'none', ...messenger },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    return { client, appId };
  };

  const newPage = async (locale = 'en-US', viewport?: { width: number; height: number }) =>
    (await chrome.browser.newContext({ locale, viewport })).newPage();

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  it('asks the name and the email, then opens the chat with no phone, and resumes it after a reload', async () => {
    const { client, appId } = await newApp('Open shop', { askName: true, askEmail: true });
    const page = await newPage();
    await page.goto(`${server.url}/messenger/${appId}`);

    await page.getByLabel('Your name').fill('Grace');
    await page.getByLabel('Your name').press('Enter');
    await page.getByLabel('Your email').fill('Grace@Example.com');
    await page.getByLabel('Your email').press('Enter');

    const log = page.getByRole('log');
    await log.waitFor();
    await expect(log.textContent()).resolves.toContain('Welcome! How can we help you?');
    expect(await page.getByLabel('Phone number').count()).toBe(0);
    await page.getByLabel('Message').fill('Do you ship abroad?');
    await page.getByLabel('Message').press('Enter');
    await expect.poll(() => log.textContent()).toContain('Do you ship abroad?');
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await client.get('/v1/conversations');
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({
      phone: null,
      name: 'Grace',
      email: 'grace@example.com',
    });
    const sent = await client.get('/v1/sandbox/messages');
    expect(sent.body.data).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByRole('log').textContent()).toContain('Do you ship abroad?');
    expect(await page.getByLabel('Your name').count()).toBe(0);
    expect((await client.get('/v1/conversations')).body.data).toHaveLength(1);
    await page.context().close();
  });

  it('opens the chat at once when it asks for nothing, one conversation per visitor', async () => {
    const { client, appId } = await newApp('Walk-in shop', {});
    for (const text of ['First visitor here', 'Second visitor here']) {
      const page = await newPage();
      await page.goto(`${server.url}/messenger/${appId}`);
      await page.getByLabel('Message').fill(text);
      await page.getByLabel('Message').press('Enter');
      await expect.poll(() => page.getByRole('log').textContent()).toContain(text);
      expect(await page.getByLabel('Your name').count()).toBe(0);
      expect(await page.getByLabel('Phone number').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
    const listed = await client.get('/v1/conversations');
    expect(listed.body.data).toHaveLength(2);
    for (const conversation of listed.body.data) {
      expect(conversation).toMatchObject({ phone: null, name: null, email: null });
    }
  });

  it("fits a German phone's 360 px: a compound app name wraps, nothing is cut off", async () => {
    const { appId } = await newApp('Versicherungsvermittlungsgesellschaft Sonnenschein', {});
    const page = await newPage('de-DE', { width: 360, height: 780 });
    await page.goto(`${server.url}/messenger/${appId}`);
    await page.getByLabel('Nachricht').fill('Donaudampfschifffahrtsgesellschaftskapitänsmütze');
    await page.getByLabel('Nachricht').press('Enter');
    await expect.poll(() => page.getByRole('log').textContent()).toContain('kapitänsmütze');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('h1, button, .message')]
        .filter((node) => node.getBoundingClientRect().right > window.innerWidth)
        .map((node) => node.textContent),
    );
    expect(outside).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await page.context().close();
  });
});
