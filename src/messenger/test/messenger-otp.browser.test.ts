import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPhone,
  enterChat,
  launchBrowser,
  screenshot,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { answer, type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { BOT_SECRET } from './messenger-bot-fixture.ts';

const DIYALOG_SECRET = 'diyalog-bot-secret-5b1f0c9e';

// A browser, a server and two loopback receivers share two cores with the rest of the suite.
describe('a code sent into the chat, in a real browser', { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let bot: FakeGateway;
  let diyalog: FakeGateway;
  let client: Client;
  let apiKey: string;
  let appId: string;

  beforeAll(async () => {
    bot = await startFakeGateway(answer(204));
    diyalog = await startFakeGateway(answer(200));
    // Both listen on loopback, which the outbound guard lets through only when allowed.
    [server, chrome] = await Promise.all([
      startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } }),
      launchBrowser(),
    ]);
    ({ client, appId, apiKey } = await server.createApp('Chat Bank'));
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      channels: { messenger: { providers: [{ type: 'webMessenger' }] } },
      dialects: { diyalog: { secret: DIYALOG_SECRET, webhookUrl: `${diyalog.url}/diyalog` } },
      messenger: {
        enabled: true,
        bot: { url: `${bot.url}/hook`, secret: BOT_SECRET },
        limits: { requestsPerIp: { max: 100 } },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await bot?.close();
    await diyalog?.close();
  });

  it('shows the sendmok message with image, buttons and its code filled in; a press reaches the Diyalog webhook and Confirm approves', async () => {
    const page = await (await chrome.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}/messenger/${appId}`);
    await enterChat(page, '0555 300 40 01', createPhone(client, '+905553004001'));
    const log = page.getByRole('log');
    const listed = await client.get('/v1/conversations?phone=%2B905553004001');
    const conversationId: string = listed.body.data[0].id;

    const sent = await client.post(`/diyalog/v1/bots/sendmok/${apiKey}`, {
      customerNo: conversationId,
      messageId: 'otp-77',
      mokMessage: 'Your Chat Bank code is 482913',
      mokValue: '482913',
      imageUrl: 'https://cdn.example.com/otp.png',
      buttonsV2: [
        { type: 'postback', title: 'It was me', payload: '482913', payloadSeenByUser: 'Approved' },
        { type: 'postback', title: 'Not me', payload: 'deny:tx-778', payloadHidden: true },
        { type: 'web_url', title: 'Help', payload: 'https://help.example.com/otp' },
      ],
    });
    expect(sent.status, sent.text).toBe(200);

    await expect
      .poll(() => log.textContent(), { timeout: 10_000 })
      .toContain('Your Chat Bank code is 482913');
    expect(await log.locator('img').getAttribute('src')).toBe('https://cdn.example.com/otp.png');
    expect(await page.getByRole('link', { name: 'Help' }).getAttribute('href')).toBe(
      'https://help.example.com/otp',
    );
    const code = page.getByLabel('Verification code');
    expect(await code.inputValue()).toBe('482913');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    // The hidden payload is nowhere in the page, signed or not.
    expect(await page.content()).not.toContain('deny:tx-778');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '11-code-in-chat');

    await page.getByRole('button', { name: 'Not me' }).click();
    await expect
      .poll(() => diyalog.requests.map((r) => r.body).join('\n'), { timeout: 10_000 })
      .toMatch(/"text":"\[otp-77\]:deny:tx-778\.[0-9a-f]{64}"/);
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('Not me');

    await code.fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    const form = log.locator('form');
    await expect
      .poll(() => form.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('That code is not right. Attempts left: 4.');
    expect(await code.getAttribute('aria-invalid')).toBe('true');

    await code.fill('482913');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('Code confirmed.');
    const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({ status: 'approved', attempts: 2 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '12-code-confirmed');

    // After a reload the form is back, and says the code is confirmed rather than wrong.
    await page.reload();
    await expect.poll(() => code.inputValue(), { timeout: 10_000 }).toBe('482913');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('Code confirmed.');
    await page.context().close();
  });
});
