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

// A browser, a server and a bot share two cores with the rest of the suite.
describe('messenger chat in a real browser', { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let bot: FakeGateway;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    bot = await startFakeGateway(answer(200, { messages: [{ text: 'Hello, I am the bot.' }] }));
    // The bot listens on loopback, which the outbound guard lets through only when allowed.
    [server, chrome] = await Promise.all([
      startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } }),
      launchBrowser(),
    ]);
    ({ client, appId } = await server.createApp('Shop'));
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
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
  });

  it('shows the bot answer by response and by API at once, renders image and buttons, sends a press back to the bot, and ends the chat from the keyboard', async () => {
    const page = await (await chrome.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}/messenger/${appId}`);
    const phone = createPhone(client, '+905553003001');
    await enterChat(page, '0555 300 30 01', phone);
    const log = page.getByRole('log');

    await page.getByLabel('Message').fill('Where is my order?');
    await page.getByLabel('Message').press('Enter');
    await expect
      .poll(() => log.textContent(), { timeout: 10_000 })
      .toContain('Hello, I am the bot.');

    const listed = await client.get('/v1/conversations?phone=%2B905553003001');
    const conversationId = listed.body.data[0].id;
    bot.requests.length = 0;
    const posted = await client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'bot',
      text: 'Your order ships today.',
      image: 'https://shop.example/parcel.png',
      buttons: [
        { type: 'postback', title: 'Track it', payload: 'TRACK_42' },
        { type: 'web_url', title: 'Open the shop', url: 'https://shop.example/orders/42' },
      ],
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    await expect
      .poll(() => log.textContent(), { timeout: 10_000 })
      .toContain('Your order ships today.');
    expect(await log.locator('img').getAttribute('src')).toBe('https://shop.example/parcel.png');
    expect(await page.getByRole('link', { name: 'Open the shop' }).getAttribute('href')).toBe(
      'https://shop.example/orders/42',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '9-rich-message');

    await page.getByRole('button', { name: 'Track it' }).click();
    await expect
      .poll(() => bot.requests.map((r) => r.body).join('\n'), { timeout: 10_000 })
      .toContain('TRACK_42');

    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await expect
      .poll(() => log.textContent(), { timeout: 10_000 })
      .toContain('A person will join the chat shortly.');
    expect(await page.getByRole('button', { name: 'Talk to a person' }).isDisabled()).toBe(true);
    const waiting = await client.get('/v1/conversations?status=waiting');
    expect(waiting.body.data.map((c: { id: string }) => c.id)).toContain(conversationId);
    await screenshot(page, '10-handover');

    // A second tab of the same browser whose stream never connects: it will not hear the end.
    const stale = await page.context().newPage();
    await stale.route('**/api/events**', (route) => route.abort());
    await stale.goto(`${server.url}/messenger/${appId}`);
    await stale.getByLabel('Message').waitFor();

    // "End chat" by keyboard alone: back from the message field to the header's control.
    await page.getByLabel('Message').focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 6 && (await focused()) !== 'End chat'; i++) {
      await page.keyboard.press('Shift+Tab');
    }
    expect(await focused()).toBe('End chat');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => log.textContent(), { timeout: 10_000 })
      .toContain('This chat has ended.');
    await expect.poll(focused, { timeout: 10_000 }).toBe('Start a new chat');
    // The log, a live region, says it once; nothing beside it says it again.
    const endings = (target: typeof page) =>
      target.evaluate(
        () => (document.body.textContent ?? '').split('This chat has ended.').length - 1,
      );
    expect(await endings(page)).toBe(1);
    expect(await page.getByLabel('Message').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'End chat' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '13-chat-ended');
    const closed = await client.get(`/v1/conversations/${conversationId}`);
    expect(closed.body.status).toBe('closed');
    await expect
      .poll(() => bot.requests.map((r) => JSON.parse(r.body).type), { timeout: 10_000 })
      .toContain('conversation.closed');

    // The stale tab writes to the ended chat: refused, with a sentence, and it ends there too.
    await stale.getByLabel('Message').fill('Are you still there?');
    await stale.getByLabel('Message').press('Enter');
    await expect
      .poll(() => stale.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('This chat has ended. Start a new chat to write again.');
    expect(await stale.getByRole('button', { name: 'Start a new chat' }).isVisible()).toBe(true);
    expect(await endings(stale)).toBe(1);
    await stale.close();

    // A new chat goes through the gate again and opens a fresh conversation.
    await page.getByRole('button', { name: 'Start a new chat' }).click();
    await enterChat(page, '0555 300 30 01', phone);
    await page.getByLabel('Message').waitFor();
    expect(await log.textContent()).not.toContain('This chat has ended.');
    const fresh = await client.get('/v1/conversations?phone=%2B905553003001');
    expect(fresh.body.data[0].id).not.toBe(conversationId);
    expect(fresh.body.data[0].status).toBe('bot');
    await page.context().close();
  });
});
