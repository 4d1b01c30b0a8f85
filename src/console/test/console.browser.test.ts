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
import { ADMIN_PASSWORD, createAdmin, totpCode } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { systemClock } from '../../kernel/clock.ts';

// A browser and a server share two cores with the rest of the suite.
describe('admin console in a real browser', { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer({ dispatcher: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  const newPage = async (
    viewport = DESKTOP,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<Page> => {
    const context = await chrome.browser.newContext({ viewport, locale: 'en-US', colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.getByLabel('Email').waitFor();
    return page;
  };

  const signIn = async (page: Page, email: string, password = ADMIN_PASSWORD) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  /** The focused element as `tag:text`, e.g. `button:Sign in`: where the keyboard is. */
  const focusOf = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.tagName.toLowerCase()}:${el?.textContent}`;
    });

  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('signs in, shows the layout and the audit log, and signs out', async () => {
    await createAdmin(server, 'owner@example.com');
    const page = await newPage();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '1-sign-in', 'console');
    await signIn(page, 'owner@example.com');

    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.waitFor();
    for (const name of [
      'Messages',
      'Analytics',
      'Apps & keys',
      'Settings',
      'Fraud',
      'Webhooks',
      'Inbox',
      'Audit',
    ]) {
      expect(await nav.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    expect(await nav.getByRole('link', { name: 'Audit' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expect
      .poll(() => page.getByRole('cell', { name: 'console.login', exact: true }).count())
      .toBe(1);
    expect(
      await page.getByRole('cell', { name: 'admin:owner@example.com' }).count(),
    ).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '2-audit', 'console');

    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await page.reload();
    await page.getByLabel('Email').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
  });

  it('says when the password is wrong, in an alert', async () => {
    await createAdmin(server, 'typo@example.com');
    const page = await newPage();
    await signIn(page, 'typo@example.com', 'not my password 1');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The email or the password is wrong.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '3-wrong-password', 'console');

    // By keyboard, pressed twice while the first try is under way: one try is sent, and the
    // refusal leaves the keyboard's place on the button.
    let tries = 0;
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/console/api/login', async (route) => {
      tries++;
      await held;
      await route.continue();
    });
    await page.getByLabel('Password').fill('not my password 2');
    await page.getByRole('button', { name: 'Sign in' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tries).toBe(1);
    await page.keyboard.press('Enter');
    answer();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The email or the password is wrong.');
    expect(tries).toBe(1);
    expect(await focusOf(page)).toBe('button:Sign in');
    await page.unroute('**/console/api/login');

    await signIn(page, 'typo@example.com');
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
  });

  it('locks the account after 5 failures and says when to try again', async () => {
    await createAdmin(server, 'guessed@example.com');
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'guessed@example.com', `wrong guess number ${i}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');
      await page.getByRole('button', { name: 'Sign in' }).isEnabled();
    }
    await signIn(page, 'guessed@example.com');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Too many failed sign-ins. Try again in 15 minutes.');
    expect(await page.getByRole('navigation').count()).toBe(0);
  });

  it('turns two-step sign-in on from the account page, then asks for the code at sign-in', async () => {
    await createAdmin(server, 'careful@example.com');
    const page = await newPage();
    await signIn(page, 'careful@example.com');
    await page.getByRole('button', { name: 'Your account' }).click();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    // The button pressed went away: the keyboard's place is on what replaced it.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toMatch(/^Scan the QR code/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const secret = (await page.locator('.enrolment p code').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const recovery = (await page.getByRole('listitem').allTextContents()).filter((text) =>
      /^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/.test(text),
    );
    expect(recovery).toHaveLength(10);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '4-totp-setup', 'console');

    const confirmCode = page.getByLabel('Authentication code');
    await confirmCode.fill(totpCode(secret, systemClock, 60_000 * 60));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');
    await confirmCode.fill(totpCode(secret, systemClock));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Two-step sign-in is on.');
    await expect.poll(focused).toBe('Two-step sign-in is on.');
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'careful@example.com');
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '5-totp-sign-in', 'console');
    await code.fill('000000');
    await page.getByRole('button', { name: 'Verify' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The code is wrong or was used already.');
    expect(await focusOf(page)).toBe('button:Verify');
    // The next time step's code: the confirming one is spent.
    await code.fill(totpCode(secret, systemClock, 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation', { name: 'Console' }).waitFor();

    // A recovery code signs in once, in place of the authenticator's.
    const other = await newPage();
    await signIn(other, 'careful@example.com');
    await other.getByLabel('Authentication code').fill(recovery[0] ?? '');
    await other.getByRole('button', { name: 'Verify' }).click();
    await other.getByRole('navigation', { name: 'Console' }).waitFor();
  });

  it('refuses a change from the page without the CSRF token (403)', async () => {
    await createAdmin(server, 'csrf@example.com');
    const page = await newPage();
    await signIn(page, 'csrf@example.com');
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    const answers = await page.evaluate(async () => {
      const bare = await fetch('/console/api/logout', { method: 'POST' });
      const me = await (await fetch('/console/api/me')).json();
      const signed = await fetch('/console/api/logout', {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
      });
      return { bare: bare.status, code: (await bare.json()).code, signed: signed.status };
    });
    expect(answers).toEqual({ bare: 403, code: 'csrf_token_invalid', signed: 204 });
  });

  it('fits a 320 px screen, light and dark, with no serious accessibility finding', async () => {
    await createAdmin(server, 'phone@example.com');
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newPage(PHONE, scheme);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await signIn(page, 'phone@example.com');
      await page.getByRole('navigation', { name: 'Console' }).waitFor();
      await page.getByRole('table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, `6-phone-${scheme}`, 'console');
    }
  });
});
