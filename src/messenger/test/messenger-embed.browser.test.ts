import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPhone,
  enterChat,
  launchBrowser,
  seriousViolations,
  startHostPage,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { fetchTrusting, makeCertificate, type TestCertificate } from '../../../test/helpers/tls.ts';

type HostPage = Awaited<ReturnType<typeof startHostPage>>;

/**
 * The messenger embedded by a shop on another site, as on the web: otpd at
 * https://otpd.test, the shop at https://shop.example, both resolved to loopback by the
 * browser. Inside the shop's page the messenger is a third party, so its session cookie
 * arrives only as `SameSite=None; Secure; Partitioned`.
 */
describe('messenger embedded across sites over https', { timeout: 90_000 }, () => {
  let certificate: TestCertificate;
  let server: TestServer;
  let chrome: TestBrowser;
  let shop: HostPage;
  let otpdUrl: string;

  beforeAll(async () => {
    certificate = makeCertificate(['otpd.test', 'shop.example', 'elsewhere.example', '127.0.0.1']);
    [server, chrome] = await Promise.all([
      startServer({
        env: {
          OTPD_TLS_CERT_FILE: certificate.certFile,
          OTPD_TLS_KEY_FILE: certificate.keyFile,
        },
      }),
      launchBrowser({
        args: [
          '--host-resolver-rules=MAP otpd.test 127.0.0.1, MAP shop.example 127.0.0.1, MAP elsewhere.example 127.0.0.1',
          // The certificate is the test's own; the browser has no way to trust it otherwise.
          '--ignore-certificate-errors',
        ],
      }),
    ]);
    otpdUrl = server.url.replace('127.0.0.1', 'otpd.test');
    shop = await startHostPage(otpdUrl, {
      tls: certificate,
      hostname: 'shop.example',
    });
  });
  afterAll(async () => {
    await chrome?.close();
    await shop?.close();
    await server?.close();
    certificate?.remove();
  });

  const newApp = async (name: string, messenger: Record<string, unknown>) => {
    const { client, appId } = await server.createApp(name);
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      messenger: { enabled: true, allowedOrigins: [shop.url], ...messenger },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    shop.embed(appId);
    return { client, appId };
  };

  it('passes the code gate inside the frame, chats, and resumes after a reload without a new code', async () => {
    const { client, appId } = await newApp('Cross-site shop', {});
    const e164 = '+905553004001';
    const nextCode = createPhone(client, e164);
    const context = await chrome.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();

    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const frame = page.getByTitle('Messenger').contentFrame();
    await enterChat(frame, '0555 300 40 01', nextCode);
    await frame.getByLabel('Message').fill('Is the blue one in stock?');
    await frame.getByLabel('Message').press('Enter');
    await expect
      .poll(() => frame.getByRole('log').textContent())
      .toContain('Is the blue one in stock?');

    // The session cookie is otpd's, for the messenger's path, kept in the shop's partition.
    const cookies = await context.cookies(`${otpdUrl}/messenger/${appId}/`);
    expect(cookies.find((c) => c.name === 'otpd_messenger')).toMatchObject({
      secure: true,
      sameSite: 'None',
      httpOnly: true,
      partitionKey: 'https://shop.example',
    });

    // The loader added nothing to the shop's globals.
    expect(
      await page.evaluate(() => {
        const before = new Set((window as unknown as { shopGlobals: string[] }).shopGlobals);
        before.add('shopGlobals');
        return Object.keys(window).filter((key) => !before.has(key));
      }),
    ).toEqual([]);

    // Axe on the shop's page with the messenger open, and inside the messenger's frame.
    expect(await seriousViolations(page)).toEqual([]);
    const messengerFrame = page.frames().find((f) => f.url().startsWith(otpdUrl));
    if (!messengerFrame) throw new Error('no messenger frame');
    expect(await seriousViolations(messengerFrame)).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    const again = page.getByTitle('Messenger').contentFrame();
    await expect
      .poll(() => again.getByRole('log').textContent())
      .toContain('Is the blue one in stock?');
    expect(await again.getByLabel('Verification code').count()).toBe(0);
    expect(await again.getByLabel('Phone number').count()).toBe(0);
    // One code was sent in all: the reload asked for none.
    const sent = await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(e164)}`);
    expect(sent.body.data).toHaveLength(1);
    await context.close();
  });

  it('is refused by frame-ancestors on a site that is not in allowedOrigins', async () => {
    await newApp('Picky shop', {});
    const page = await (await chrome.browser.newContext({ locale: 'en-US' })).newPage();
    const refusal = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('frame-ancestors'),
      timeout: 10_000,
    });
    await page.goto(shop.url.replace('shop.example', 'elsewhere.example'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    expect((await refusal).text()).toMatch(
      /violates .*frame-ancestors 'self' https:\/\/shop\.example:\d+.*blocked/,
    );
    const frame = page.getByTitle('Messenger').contentFrame();
    expect(await frame.getByLabel('Phone number').count()).toBe(0);
    await page.context().close();
  });

  it("names the launcher and the frame in the visitor's language, as the chat inside it", async () => {
    await newApp('Dükkan', {});
    const page = await (await chrome.browser.newContext({ locale: 'tr-TR' })).newPage();
    await page.goto(shop.url);
    const launcher = page.getByRole('button', { name: 'Sohbeti aç' });
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-otpd-messenger]').getAttribute('lang')).toBe('tr');
    const frame = page.getByTitle('Mesajlaşma').contentFrame();
    await frame.getByRole('button', { name: 'Kod gönder' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The loader carries its few words, not the chat's catalogue.
    await page.context().close();
    const source = await (
      await fetchTrusting(certificate.cert)(`${server.url}/messenger.js`)
    ).text();
    expect(source).toContain('Sohbeti aç');
    expect(source).not.toContain('Kod gönder');
    expect(source.length).toBeLessThan(4_000);
  });
});
