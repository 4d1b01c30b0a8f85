import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  screenshot,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { ADMIN_PASSWORD, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { createClient } from '../../../test/helpers/http-client.ts';

const PHONE = { width: 360, height: 740 };
const SMALLEST = { width: 320, height: 640 };

// A browser and a server share two cores with the rest of the suite.
describe("the console's Apps & keys page in a real browser", { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let shopId: string;

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer({ dispatcher: false }), launchBrowser()]);
    shopId = (await server.createApp('Shop')).appId;
    await createAdmin(server, 'owner@example.com');
    await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds: [shopId] });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shopId] });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  async function openPage(
    email: string,
    viewport = DESKTOP,
    locale = 'en-US',
    words = { email: 'Email', password: 'Password', signIn: 'Sign in', title: 'Apps & keys' },
  ): Promise<Page> {
    const context = await chrome.browser.newContext({
      viewport,
      locale,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/console#appsKeys`);
    await page.getByLabel(words.email).fill(email);
    await page.getByLabel(words.password).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: words.signIn }).click();
    await page.getByRole('heading', { name: words.title, level: 1 }).waitFor();
    return page;
  }
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent}`;
    });
  /** Presses Tab until the focus is on `target` (at most 12 times), as a keyboard user would. */
  async function tabTo(page: Page, target: string) {
    for (let i = 0; i < 12 && (await focused(page)) !== target; i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(target);
  }

  it('creates and renames an app, issues a two-scope key by keyboard that works on /v1, and revokes it', async () => {
    const page = await openPage('owner@example.com');
    await page.getByRole('heading', { name: 'Shop', level: 2 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const appName = page.getByLabel('App name');
    await appName.fill('Pharmacy');
    await appName.press('Enter');
    const title = page.getByRole('heading', { name: 'Pharmacy', level: 2 });
    await title.waitFor();
    await expect.poll(() => title.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByText('App Pharmacy created. Give it an API key below.').waitFor();
    await page.getByText('This app has no API keys yet.').waitFor();
    const apps = await server.deps.store.listApps();
    const pharmacy = apps.find((a) => a.name === 'Pharmacy');
    if (!pharmacy) throw new Error('the app was not created');

    const newName = page.getByLabel('New name');
    await newName.fill('Pharmacy & Co');
    await newName.press('Enter');
    await page.getByText('The app is now called Pharmacy & Co.').waitFor();
    expect((await server.deps.store.getApp(pharmacy.id))?.name).toBe('Pharmacy & Co');
    await page.getByRole('button', { name: 'Open Pharmacy & Co' }).waitFor();

    // Two scopes, ticked with the space bar; the form sent with Enter on its button.
    await page.getByRole('checkbox', { name: /^verifications/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo(page, 'button:Create key');
    await page.keyboard.press('Enter');
    const field = page.getByLabel('API key', { exact: true });
    await field.waitFor();
    const secret = await field.inputValue();
    expect(secret).toMatch(/^otpd_[A-Za-z0-9_-]{43}$/);
    expect(await field.evaluate((f) => f === document.activeElement)).toBe(true);
    await page.getByText('Copy it now and keep it safe: it will not be shown again.').waitFor();
    await tabTo(page, 'button:Copy');
    await page.keyboard.press('Enter');
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await seriousViolations(page)).toEqual([]);

    const client = createClient(server.url, secret);
    expect((await client.post('/v1/verifications', { to: '+905551640001' })).status).toBe(201);
    const outside = await client.get('/v1/analytics');
    expect([outside.status, outside.body.code]).toEqual([403, 'insufficient_scope']);

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { name: 'New API key' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    const prefix = secret.slice(0, 11);
    const row = page.getByRole('row', { name: new RegExp(`^${prefix}`) });
    expect(await row.textContent()).toContain('verificationsmessages:read');
    expect(await row.textContent()).toContain('Active');
    // The app's keys, with the end of the apps list above them.
    await page.evaluate(() => {
      const panel = document.getElementById('app-title')?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, panel - 170);
    });
    await screenshot(page, '9-apps-keys', 'console');

    // Revoking asks first; Escape changes nothing and gives the focus back.
    const revokeButton = page.getByRole('button', { name: `Revoke key ${prefix}…` });
    await revokeButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Revoke this key?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('button:Cancel');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await revokeButton.evaluate((b) => b === document.activeElement)).toBe(true);
    expect((await client.post('/v1/verifications', { to: '+905551640002' })).status).toBe(201);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Revoke key');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Key ${prefix}… is revoked.`).waitFor();
    expect(await row.textContent()).toContain('Revoked');
    expect(await revokeButton.count()).toBe(0);
    const refused = await client.post('/v1/verifications', { to: '+905551640003' });
    expect([refused.status, refused.body.code]).toEqual([401, 'invalid_api_key']);
    await page.context().close();
  });

  it("keeps the keyboard's place on the button pressed when the server refuses", async () => {
    const page = await openPage('owner@example.com');
    await page.getByRole('heading', { name: 'Shop', level: 2 }).waitFor();
    const refuse = (route: Route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' })
        : route.continue();
    await page.route('**/console/api/apps', refuse);
    await page.route('**/console/api/apps/*/keys**', refuse);
    const refused = page.getByRole('alert').getByText('Something went wrong. Please try again.');

    await page.getByLabel('App name').fill('Refused');
    await tabTo(page, 'button:Create app');
    await page.keyboard.press('Enter');
    await refused.first().waitFor();
    expect(await focused(page)).toBe('button:Create app');

    await page.getByRole('checkbox', { name: /^verifications/ }).check();
    await tabTo(page, 'button:Create key');
    await page.keyboard.press('Enter');
    await expect.poll(() => refused.count()).toBe(2);
    expect(await focused(page)).toBe('button:Create key');

    await page
      .getByRole('button', { name: /^Revoke key/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Revoke this key?' });
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').waitFor();
    expect(await focused(page)).toBe('button:Revoke key');
    await page.context().close();
  });

  it('shows a new key once on a phone, forgets it on leaving the view, and fits 320 px', async () => {
    const page = await openPage('owner@example.com', PHONE);
    await page.getByRole('heading', { name: 'Shop', level: 2 }).waitFor();
    await page.getByRole('checkbox', { name: /^messages:read/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const field = page.getByLabel('API key', { exact: true });
    const secret = await field.inputValue();
    expect(secret).toMatch(/^otpd_/);
    await field.evaluate((f) => f.scrollIntoView({ block: 'center' }));
    await screenshot(page, '10-key-created', 'console');

    await page.setViewportSize(SMALLEST);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Apps & keys' }).click();
    await page.getByRole('heading', { name: 'New API key' }).waitFor();
    expect(await page.getByLabel('API key', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).toBe(
      '{}',
    );
    await page.context().close();
  });

  it('shows a viewer the lists without the forms, and an agent none', async () => {
    await server.deps.apps.createKey(shopId, ['verifications']);
    const page = await openPage('viewer@example.com');
    await page.getByRole('heading', { name: 'API keys of Shop' }).waitFor();
    await page
      .getByRole('row', { name: /^otpd_/ })
      .first()
      .waitFor();
    for (const name of ['Create app', 'Rename', 'Create key', /^Revoke key/]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    }
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.context().close();

    const agent = await openPage('agent@example.com');
    await agent.getByRole('alert').getByText('Your role does not show apps and keys.').waitFor();
    expect(await agent.getByRole('table').count()).toBe(0);
    await agent.context().close();
  });

  it('speaks Turkish, and asks for a scope before creating a key', async () => {
    const page = await openPage('owner@example.com', DESKTOP, 'tr-TR', {
      email: 'E-posta',
      password: 'Parola',
      signIn: 'Giriş yap',
      title: 'Uygulamalar ve anahtarlar',
    });
    await page.getByRole('group', { name: 'Anahtarın yapabilecekleri' }).waitFor();
    await page.getByRole('button', { name: 'Anahtar oluştur' }).click();
    await page.getByRole('alert').getByText('En az bir yetki seçin.').waitFor();
    await page.getByRole('checkbox', { name: /^verifications/ }).check();
    await page.getByRole('button', { name: 'Anahtar oluştur' }).click();
    await page.getByText('bir daha gösterilmeyecek').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
