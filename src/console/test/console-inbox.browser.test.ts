import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPhone,
  DESKTOP,
  enterChat,
  launchBrowser,
  PHONE,
  screenshot,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { ADMIN_PASSWORD, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';
import { newId } from '../../kernel/ids.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';

// A browser with two people in it, and a server, share two cores with the rest of the suite.
describe("the console's Inbox in a real browser", { timeout: 90_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer(), launchBrowser()]);
    ({ client, appId } = await server.createApp('Shop'));
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      messenger: {
        enabled: true,
        askName: true,
        askEmail: true,
        limits: { requestsPerIp: { max: 100 } },
      },
    });
    expect(put.status, put.text).toBe(200);
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [appId] });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  /** An agent signed in to the console, which opens on the Inbox for them. */
  async function agentPage(viewport = DESKTOP, locale = 'en-US'): Promise<Page> {
    const context = await chrome.browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.locator('#login-email').fill('agent@example.com');
    await page.locator('#login-password').fill(ADMIN_PASSWORD);
    await page.locator('#login-password').press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** A visitor waiting for a person, made over HTTP (the browser's part is the first test). */
  async function waitingVisitor(name: string, phone: string) {
    const visitor = createVisitor(server.url, appId);
    const started = await visitor.post('/verifications', { phone, name, email: 'x@example.com' });
    const code = await readSandboxCode(client, started.body.id);
    await visitor.post(`/verifications/${started.body.id}/check`, { code });
    await visitor.post('/handover');
  }

  it('brings a visitor who asks for a person to the agent live; they chat both ways, then the agent hands back and closes', async () => {
    const agent = await agentPage();
    await agent.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const nav = agent.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Inbox']);
    await agent.getByText('Nobody is waiting for a person right now.').waitFor();

    // The visitor, in a browser of their own: name, email, phone and code, then a person.
    const visitor = await (await chrome.browser.newContext({ locale: 'en-US' })).newPage();
    await visitor.goto(`${server.url}/messenger/${appId}`);
    await visitor.getByLabel('Your name').fill('Ada Lovelace');
    await visitor.getByLabel('Your name').press('Enter');
    await visitor.getByLabel('Your email').fill('ada@example.com');
    await visitor.getByLabel('Your email').press('Enter');
    await enterChat(visitor, '0555 300 40 01', createPhone(client, '+905553004001'));
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    const visitorLog = visitor.getByRole('log');

    // No reload: the conversation appears, and is announced politely.
    const take = agent.getByRole('button', { name: 'Take the conversation with Ada Lovelace' });
    await take.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => agent.getByRole('status').textContent())
      .toBe('Ada Lovelace is waiting for a person.');
    expect(await seriousViolations(agent)).toEqual([]);

    await take.focus();
    await agent.keyboard.press('Enter');
    await agent.getByRole('heading', { name: 'Chat with Ada Lovelace' }).waitFor();
    const details = agent.getByRole('complementary', { name: 'Visitor details' });
    await expect.poll(() => details.textContent()).toContain('+905553004001');
    expect(await details.textContent()).toContain('Ada Lovelace');
    expect(await details.textContent()).toContain('ada@example.com');
    await expect
      .poll(() => visitorLog.textContent(), { timeout: 10_000 })
      .toContain('A person has joined the chat.');

    // Enter sends, both ways, without a reload.
    const composer = agent.getByLabel('Message to the visitor');
    await expect
      .poll(() => composer.evaluate((node) => node === document.activeElement))
      .toBe(true);
    await composer.fill('Hello Ada, I am here to help.');
    await composer.press('Enter');
    await expect
      .poll(() => visitorLog.textContent(), { timeout: 10_000 })
      .toContain('Hello Ada, I am here to help.');
    // Emptied once the send is answered, which may come after the visitor already has it.
    await expect.poll(() => composer.inputValue()).toBe('');
    await visitor.getByLabel('Message').fill('My parcel has not arrived.');
    await visitor.getByLabel('Message').press('Enter');
    const agentLog = agent.getByRole('log');
    await expect
      .poll(() => agentLog.textContent(), { timeout: 10_000 })
      .toContain('My parcel has not arrived.');
    // Who wrote what is said in words, not only shown by colour.
    expect(await agentLog.locator('li').last().textContent()).toMatch(/^Visitor/);
    expect(await agentLog.textContent()).toContain('Agent');
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, '18-inbox', 'console');

    // Hand back, from the keyboard and confirmed in a dialog.
    await agent.getByRole('button', { name: 'Hand back to bot' }).focus();
    await agent.keyboard.press('Enter');
    const dialog = agent.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Hand this conversation back to the bot?');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    await expect
      .poll(() => visitorLog.textContent(), { timeout: 10_000 })
      .toContain('You are chatting with the bot again.');
    expect(await visitor.getByRole('button', { name: 'Talk to a person' }).isDisabled()).toBe(
      false,
    );
    await expect.poll(() => agent.locator('.inbox-chat-status').textContent()).toBe('With the bot');
    expect(await agent.getByLabel('Message to the visitor').count()).toBe(0);
    // The button pressed went away with the composer: the keyboard's place is on the new state.
    const focused = () => agent.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('With the bot');

    // Cancelling changes nothing; confirming closes the chat.
    await agent.getByRole('button', { name: 'Close conversation' }).click();
    await agent.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await agent.getByRole('dialog').count()).toBe(0);
    await agent.getByRole('button', { name: 'Close conversation' }).focus();
    await agent.keyboard.press('Enter');
    await dialog.waitFor();
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    await expect
      .poll(() => visitorLog.textContent(), { timeout: 10_000 })
      .toContain('This chat has ended.');
    await expect.poll(() => agent.locator('.inbox-chat-status').textContent()).toBe('Closed');
    await expect.poll(focused).toBe('Closed');
    await agent.context().close();
    await visitor.context().close();
  });

  it('shows the list and the chat as separate views at 320 px, with a way back', async () => {
    await waitingVisitor('Grace Hopper', '+905553004002');
    const agent = await agentPage(PHONE);
    const open = agent.getByRole('button', { name: 'Open the conversation with Grace Hopper' });
    await open.waitFor();
    expect(await agent.getByText('Choose a conversation to see the chat.').isVisible()).toBe(false);
    expect(await seriousViolations(agent)).toEqual([]);

    await open.click();
    await agent.getByRole('heading', { name: 'Chat with Grace Hopper' }).waitFor();
    expect(await open.isVisible()).toBe(false);
    await agent.getByRole('button', { name: 'Take', exact: true }).click();
    await agent.getByLabel('Message to the visitor').waitFor();
    expect(
      await agent.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.evaluate(() => window.scrollTo(0, 0));
    await screenshot(agent, '19-inbox-phone', 'console');

    await agent.getByRole('button', { name: 'Back to conversations' }).click();
    await expect.poll(() => open.evaluate((node) => node === document.activeElement)).toBe(true);
    await agent.context().close();
  });

  it('speaks Turkish', async () => {
    await waitingVisitor('Ayşe Yılmaz', '+905553004003');
    const agent = await agentPage(DESKTOP, 'tr-TR');
    await agent.getByRole('heading', { name: 'Gelen kutusu', level: 1 }).waitFor();
    await agent.getByRole('button', { name: 'Ayşe Yılmaz ile konuşmayı üstlen' }).waitFor();
    expect(await agent.getByRole('heading', { name: 'Konuşmalar' }).count()).toBe(1);
    await agent.context().close();
  });

  it('lists every waiting visitor past the first page, the longest waiting first', async () => {
    // One more than a page of the inbox API, opened a second apart, oldest first, straight
    // into the server's store (as a hundred visitors' gates would, 400 requests later).
    const store = server.deps.store as KyselyStore;
    const start = Date.now() - 7_200_000;
    const queue = (from: number, to: number) =>
      Promise.all(
        Array.from({ length: to - from }, (_, k) => {
          const at = start + (from + k) * 1000;
          return store.openConversation({
            id: newId('conv', at),
            appId,
            status: 'waiting',
            phone: null,
            name: `Queued visitor ${String(from + k).padStart(4, '0')}`,
            email: null,
            locale: 'en',
            createdAt: at,
            updatedAt: at,
          });
        }),
      );
    await queue(0, 101);
    const agent = await agentPage();
    const queued = agent.getByRole('button', { name: /^Take the conversation with Queued/ });
    await expect.poll(() => queued.count()).toBe(101);
    expect(await queued.first().getAttribute('aria-label')).toBe(
      'Take the conversation with Queued visitor 0000',
    );
    expect(await agent.locator('.inbox-more').count()).toBe(0);

    // Past the 2,000 the page reads at most, the list says that it does not show them all.
    await queue(101, 2001);
    await agent.reload();
    await agent
      .getByText('More conversations are open than these 2000: the longest waiting are not shown.')
      .waitFor();
    expect(await agent.locator('.inbox-item').count()).toBe(2000);
    await agent.context().close();
  });
});
