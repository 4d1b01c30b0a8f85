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
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

// A browser and a server share two cores with the rest of the suite.
describe("the console's Settings page in a real browser", { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let down: FakeGateway;
  let shopId: string;

  beforeAll(async () => {
    [server, chrome, down] = await Promise.all([
      startServer({ dispatcher: false, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } }),
      launchBrowser(),
      startFakeGateway(() => ({ status: 503, body: 'gateway down' })),
    ]);
    shopId = (await server.createApp('Shop')).appId;
    await createAdmin(server, 'admin@example.com', { role: 'admin', appIds: [shopId] });
    await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds: [shopId] });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await down?.close();
  });

  const openSettings = async (
    email: string,
    options: { viewport?: { width: number; height: number }; locale?: string } = {},
  ): Promise<Page> => {
    const context = await chrome.browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/console#settings`);
    const tr = options.locale === 'tr-TR';
    await page.getByLabel(tr ? 'E-posta' : 'Email').fill(email);
    await page.getByLabel(tr ? 'Parola' : 'Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: tr ? 'Giriş yap' : 'Sign in' }).click();
    await page.getByRole('heading', { name: tr ? 'Shop ayarları' : 'Settings of Shop' }).waitFor();
    return page;
  };
  /** Opens a section of the form with the keyboard, as a person would. */
  const openSection = async (page: Page, name: string) => {
    await page.locator('summary', { hasText: new RegExp(`^${name}$`) }).focus();
    await page.keyboard.press('Enter');
  };
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const saved = async () => server.deps.settings.get(shopId);

  it('changes a setting by keyboard, shows a refused field at its place, and saves', async () => {
    const page = await openSettings('admin@example.com');
    expect(await seriousViolations(page)).toEqual([]);

    await openSection(page, 'Verification');
    const codeLength = page.getByLabel('Code length');
    await codeLength.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Fields to check: 1' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Verification › Code length');
    // The message sits next to its field, which describes itself by it and has the focus.
    await expect.poll(() => focused(page)).toBe('sf.verification.codeLength');
    expect(await codeLength.getAttribute('aria-invalid')).toBe('true');
    const described = (await codeLength.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="sf.verification.codeLength-error"]`).textContent();
    expect(described).toContain('sf.verification.codeLength-error');
    expect(message).toMatch(/10/);
    expect((await saved()).verification.codeLength).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '11-settings', 'console');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The settings of Shop are saved.' }).waitFor();
    expect((await saved()).verification.codeLength).toBe(8);
    expect(await page.getByRole('alert').filter({ hasText: 'Fields to check' }).count()).toBe(0);

    // The Audit page shows who changed what, value by value.
    await page.getByRole('link', { name: 'Audit' }).click();
    const entry = page.getByRole('row').filter({ hasText: 'settings.updated' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('/verification/codeLength: 6 → 8');
    expect(await entry.textContent()).toContain('admin:admin@example.com');
    await page.context().close();
  });

  it("keeps the keyboard's place on Save when the server refuses, and saves once for two presses", async () => {
    const page = await openSettings('admin@example.com');
    // A refusal naming no field (a refused field takes the focus itself, as tested above).
    let puts = 0;
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/console/api/apps/*/settings', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      puts++;
      await held;
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          status: 503,
          code: 'service_unavailable',
          detail: 'the settings are changing too fast; try again',
        }),
      });
    });
    const save = page.getByRole('button', { name: 'Save settings' });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => puts).toBe(1);
    await page.keyboard.press('Enter');
    answer();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The server refused: the settings are changing too fast; try again' })
      .waitFor();
    expect(puts).toBe(1);
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('adds an HTTP gateway before the sandbox and test-sends through both', async () => {
    const page = await openSettings('admin@example.com');
    await openSection(page, 'Channels');
    const sms = page.getByRole('group', { name: 'Sms', exact: true });
    await sms.getByRole('button', { name: 'Add to Providers' }).click();
    const added = sms.getByRole('group', { name: 'Providers 2: Sandbox console' });
    await added.getByLabel('Type').selectOption({ label: 'HTTP gateway' });
    const gateway = sms.getByRole('group', { name: 'Providers 2: HTTP gateway' });
    await gateway.getByLabel('Name', { exact: true }).fill('gw-down');
    await gateway.getByLabel('Url').fill(`${down.url}/send`);
    await gateway
      .getByLabel('Body', { exact: true })
      .fill('{"to": "{{to}}", "text": "{{message}}"}');
    await gateway.getByRole('button', { name: 'Move Providers 2: HTTP gateway up' }).click();
    await sms.getByRole('group', { name: 'Providers 1: HTTP gateway' }).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    const providers = (await saved()).channels.sms.providers;
    expect(providers.map((p) => p.type)).toEqual(['http', 'console']);

    await page.getByLabel('Destination').fill('+905551400010');
    await page.getByRole('button', { name: 'Send test message' }).click();
    const attempts = page.getByRole('table', { name: 'Attempts: 2' });
    await attempts.waitFor();
    const rows = await attempts.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('gw-down');
    expect(rows[0]).toContain('Failed');
    expect(rows[0]).toContain('http_503');
    expect(rows[1]).toContain('console');
    expect(rows[1]).toContain('Took the message');
    expect(await seriousViolations(page)).toEqual([]);
    await attempts.scrollIntoViewIfNeeded();
    await screenshot(page, '12-test-send', 'console');
    await page.context().close();
  });

  it("previews the messenger's gate texts as they are typed, before saving", async () => {
    const page = await openSettings('admin@example.com');
    await openSection(page, 'Messenger');
    const preview = page.getByRole('complementary', { name: 'Preview of the gate' });
    await preview.getByText('Phone number', { exact: true }).waitFor();
    await page.getByLabel('Ask name').check();
    await preview.getByText('Your name', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add an entry to Texts' }).click();
    await expect.poll(() => focused(page)).toMatch(/-key-0$/);
    await page.keyboard.type('en');
    const texts = page.getByRole('group', { name: 'Texts: en' });
    await texts.getByLabel('Phone header').fill('Your mobile number');
    await preview.getByText('Your mobile number', { exact: true }).waitFor();
    expect(await preview.getByText('Phone number', { exact: true }).count()).toBe(0);
    expect((await saved()).messenger.texts).toEqual({});
    expect(await seriousViolations(page)).toEqual([]);
    await texts
      .getByLabel('Phone header')
      .evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await screenshot(page, '13-messenger-preview', 'console');

    await preview.getByLabel('Language of the preview').selectOption('tr');
    await preview.getByText('Telefon numarası', { exact: true }).waitFor();
    await page.context().close();
  });

  it('fits a phone, and reads in Turkish for a viewer, without the forms that change', async () => {
    const page = await openSettings('admin@example.com', { viewport: PHONE });
    await openSection(page, 'Verification');
    await openSection(page, 'Messenger');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page
      .getByRole('heading', { name: 'Settings', level: 1 })
      .evaluate((h) => h.scrollIntoView());
    await screenshot(page, '14-settings-phone', 'console');
    await page.context().close();

    const tr = await openSettings('viewer@example.com', { locale: 'tr-TR' });
    await tr.getByText('Rolünüz bu ayarları okuyabilir ama değiştiremez.').waitFor();
    expect(await tr.getByRole('button', { name: 'Ayarları kaydet' }).count()).toBe(0);
    expect(await tr.getByRole('heading', { name: 'Deneme gönderimi' }).count()).toBe(0);
    await openSection(tr, 'Messenger');
    const preview = tr.getByRole('complementary', { name: 'Doğrulama adımlarının önizlemesi' });
    await preview.getByText('Telefon numarası', { exact: true }).waitFor();
    // The form generated from the schema speaks Turkish too: its labels and its hints.
    await openSection(tr, 'Doğrulama');
    const codeLength = tr.getByLabel('Kod uzunluğu');
    expect(await codeLength.isDisabled()).toBe(true);
    expect(await tr.locator('[id="sf.verification.codeLength-hint"]').textContent()).toBe(
      'İstek codeLength belirtmediğinde bir koddaki rakam sayısı',
    );
    expect(await seriousViolations(tr)).toEqual([]);
    await screenshot(tr, '20-settings-turkish', 'console');
    await tr.context().close();
  });
});
