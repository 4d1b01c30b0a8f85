import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPhone,
  launchBrowser,
  screenshot,
  seriousViolations,
  startHostPage,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/** A Turkish mobile number in national form, and the E.164 form the sandbox records. */
const phone = (n: number) => ({
  national: `0555 300 20 ${String(n).padStart(2, '0')}`,
  e164: `+90555300 20${String(n).padStart(2, '0')}`.replace(' ', ''),
});

// A browser, a server and a shop page share two cores with the rest of the suite.
describe('messenger in a real browser', { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;

  const newApp = async (name: string, messenger: Record<string, unknown>) => {
    const { client, appId } = await server.createApp(name);
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      verification: { resendCooldownSeconds: 2 },
      messenger: { enabled: true, ...messenger },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    return { client, appId };
  };

  const newPage = async (
    viewport = { width: 1024, height: 760 },
    colorScheme: 'light' | 'dark' = 'light',
  ) => {
    const context = await chrome.browser.newContext({ viewport, locale: 'en-US', colorScheme });
    return context.newPage();
  };

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  it('takes a visitor through name, email, phone and a wrong then a right code to the chat, and back after a reload', async () => {
    const { client, appId } = await newApp('Shop', {
      askName: true,
      askEmail: true,
      limits: { requestsPerIp: { max: 10 } },
    });
    const number = phone(1);
    const nextCode = createPhone(client, number.e164);
    const page = await newPage();
    await page.goto(`${server.url}/messenger/${appId}`);

    await expect.poll(() => page.getByLabel('Your name').isVisible()).toBe(true);
    await expect(page.getByText('So we know how to address you.').isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '1-name');
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your name').press('Enter');

    await page.getByLabel('Your email').fill('not an email');
    await page.getByLabel('Your email').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('valid email');
    await page.getByLabel('Your email').fill('ada@example.com');
    await screenshot(page, '2-email');
    await page.getByLabel('Your email').press('Enter');

    const phoneInput = page.getByLabel('Phone number');
    await phoneInput.waitFor();
    expect(await page.getByLabel('Country').inputValue()).toBe('TR');
    await phoneInput.pressSequentially(number.national.replace(/\s/g, ''));
    expect(await phoneInput.inputValue()).toBe(number.national);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '3-phone');
    await phoneInput.press('Enter');

    const codeInput = page.getByLabel('Verification code');
    await codeInput.waitFor();
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    await expect(page.getByText('Enter the code we sent you by SMS.').isVisible()).resolves.toBe(
      true,
    );
    const first = await nextCode();
    await codeInput.fill(first === '000000' ? '111111' : '000000');
    await codeInput.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Attempts left: \d/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '4-wrong-code');

    // Resend waits for the cooldown, then sends a new code.
    const resend = page.getByRole('button', { name: 'Send a new code' });
    await expect.poll(() => resend.isEnabled(), { timeout: 5_000 }).toBe(true);
    await resend.click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('new code');
    const second = await nextCode();
    await codeInput.fill(second);
    await codeInput.press('Enter');

    const log = page.getByRole('log');
    await log.waitFor();
    await expect(log.textContent()).resolves.toContain('Welcome! How can we help you?');
    const message = page.getByLabel('Message');
    await message.fill('Where is my order?');
    await message.press('Enter');
    await expect.poll(() => log.textContent()).toContain('Where is my order?');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '5-chat');

    await page.reload();
    await page.getByRole('log').waitFor();
    await expect.poll(() => page.getByRole('log').textContent()).toContain('Where is my order?');
    expect(await page.getByLabel('Verification code').count()).toBe(0);
    await page.context().close();
  });

  it('opens from the script tag on a page of another origin, out of reach of its CSS', async () => {
    const shop = await startHostPage(server.url);
    const { client, appId } = await newApp('Embedded', { allowedOrigins: [shop.url] });
    shop.embed(appId);
    const number = phone(2);
    const nextCode = createPhone(client, number.e164);
    const page = await newPage();
    try {
      await page.goto(shop.url);
      const launcher = page.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      await launcher.focus();
      await page.keyboard.press('Enter');
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      const frame = page.getByTitle('Messenger').contentFrame();
      const phoneInput = frame.getByLabel('Phone number');
      await phoneInput.fill(number.national);
      await screenshot(page, '6-embedded');
      await phoneInput.press('Enter');
      const codeInput = frame.getByLabel('Verification code');
      await codeInput.fill(await nextCode());
      await codeInput.press('Enter');
      await frame.getByRole('log').waitFor();
      await frame.getByLabel('Message').fill('Hello from the shop');
      await frame.getByLabel('Message').press('Enter');
      await expect
        .poll(() => frame.getByRole('log').textContent())
        .toContain('Hello from the shop');
      await screenshot(page, '7-embedded-chat');
      await frame.getByLabel('Message').press('Escape');
      await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('DIV');
    } finally {
      await page.context().close();
      await shop.close();
    }
  });

  it('writes phone numbers and calling codes left to right in an Arabic page', async () => {
    const { appId } = await newApp('Arabic shop', {});
    const context = await chrome.browser.newContext({
      viewport: { width: 320, height: 640 },
      locale: 'ar-EG',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/messenger/${appId}`);
    // Where each piece of a text is drawn, from the left: the page itself is right to left.
    const leftOf = (selector: string, pieces: string[]) =>
      page.$eval(
        selector,
        (element, wanted) => {
          const text = element.firstChild as Text;
          return wanted.map((piece) => {
            const range = document.createRange();
            const at = text.data.indexOf(piece);
            range.setStart(text, at);
            range.setEnd(text, at + piece.length);
            return range.getBoundingClientRect().left;
          });
        },
        pieces,
      );
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const turkey = page.locator('#country-select option[value="TR"]');
    expect((await turkey.textContent())?.replace(/[\u2066-\u2069]/g, '')).toBe('تركيا (+90)');
    // An option's text is drawn by the browser's own list; the same text in a paragraph.
    await page.evaluate(
      (label) => {
        const probe = document.createElement('p');
        probe.id = 'probe';
        probe.textContent = label;
        document.body.append(probe);
      },
      (await turkey.textContent()) ?? '',
    );
    const [plus, ninety] = await leftOf('#probe', ['+', '90']);
    expect(plus).toBeLessThan(ninety ?? 0);

    await page.locator('#phone-input').fill(phone(9).national);
    await page.locator('#phone-input').press('Enter');
    const description = page.locator('#code-input-description');
    await expect.poll(() => description.textContent()).toContain('555 300 20 09');
    const [country, last] = await leftOf('#code-input-description', ['+90', ' 09']);
    expect(country).toBeLessThan(last ?? 0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses a third code request from one address with a sentence that says when to try again', async () => {
    const { appId } = await newApp('Limited', {});
    const page = await newPage({ width: 320, height: 640 }, 'dark');
    await page.goto(`${server.url}/messenger/${appId}`);
    for (const n of [3, 4]) {
      await page.getByLabel('Phone number').fill(phone(n).national);
      await page.getByLabel('Phone number').press('Enter');
      await page.getByLabel('Verification code').waitFor();
      await page.getByRole('button', { name: 'Change number' }).click();
    }
    await page.getByLabel('Phone number').fill(phone(5).national);
    await page.getByLabel('Phone number').press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Too many codes were requested from your network\. Try again at \d/);
    // 320 px wide: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '8-refused-320px-dark');
    await page.context().close();
  });
});
