import { Webhook } from 'standardwebhooks';
import { expect } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { ApiResponse, Client } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';

export const BOT_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

let phones = 0;
/** A phone number no other conversation of these tests has. */
export const nextPhone = () => `+90555420${String(1000 + phones++)}`;

/** An answer of the console as the problem check reads it. */
export const problemOf = (r: { status: number; body: unknown; headers: Headers }) => ({
  ...r,
  contentType: r.headers.get('content-type'),
});
export const visitorProblem = (r: ApiResponse) => ({
  ...r,
  contentType: r.headers.get('content-type'),
});

/** Signs an admin in, as the console's page does. */
export async function signIn(server: TestServer, email: string) {
  const browser = consoleClient(server.url);
  expect((await browser.login(email)).status).toBe(200);
  return browser;
}

export type ConsoleBrowser = Awaited<ReturnType<typeof signIn>>;

/** The console's cookie as a browser's jar, for an event stream. */
export const jarOf = (browser: ConsoleBrowser) => ({
  cookies: new Map([browser.cookie.split('=') as [string, string]]),
});

/**
 * A visitor who verified their phone (name and email given at the gate) and, unless told
 * otherwise, asked for a person: the conversation waits in the inbox.
 */
export async function visitorWaiting(
  server: TestServer,
  app: { appId: string; client: Client },
  options: { handover?: boolean; name?: string; email?: string } = {},
) {
  const phone = nextPhone();
  const visitor = createVisitor(server.url, app.appId);
  const started = await visitor.post('/verifications', {
    phone,
    name: options.name ?? 'Ada Lovelace',
    email: options.email ?? 'ada@example.com',
  });
  expect(started.status, started.text).toBe(201);
  const code = await readSandboxCode(app.client, started.body.id);
  const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
  expect(checked.status, checked.text).toBe(200);
  await server.deps.messenger.conversations.drain();
  if (options.handover !== false) expect((await visitor.post('/handover')).status).toBe(200);
  return { visitor, phone, conversationId: checked.body.conversation.id as string };
}

/** The visitor's chat as [author, text] pairs. */
export async function chatOf(visitor: ReturnType<typeof createVisitor>) {
  const { body } = await visitor.get('/messages');
  return body.data.map((m: { author: string; text: string }) => [m.author, m.text]);
}

/** The events the bot received about one conversation, signatures verified. */
export function botEvents(bot: FakeGateway, conversationId: string) {
  return bot.requests
    .map(
      (r) =>
        new Webhook(BOT_SECRET).verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { type: string; data: Record<string, any> },
    )
    .filter((e) => e.data.conversationId === conversationId);
}

export const INBOX = '/console/api/inbox';
/** The path of a conversation in the inbox, or of one of its actions. */
export const at = (appId: string, id: string, action = '') => `${INBOX}/${appId}/${id}${action}`;
export const ids = (body: { data: { id: string }[] }) => body.data.map((c) => c.id);

/**
 * A server with two messenger apps, Shop and Bank, whose bot is a fake gateway, and the console's
 * people: an owner, Shop's admin, viewer and two agents, and Bank's agent.
 */
export async function startInbox() {
  // The bot speaks only when a conversation comes back to it.
  const bot = await startFakeGateway((request) =>
    JSON.parse(request.body).type === 'conversation.handed_back'
      ? { status: 200, body: { messages: [{ text: 'The bot is back.' }] } }
      : { status: 204 },
  );
  const server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
  const shop = await server.createApp('Shop');
  const bank = await server.createApp('Bank');
  for (const app of [shop, bank]) {
    const put = await app.client.request('PUT', '/v1/settings', {
      messenger: {
        enabled: true,
        bot: { url: `${bot.url}/hook`, secret: BOT_SECRET },
        limits: { requestsPerIp: { max: 1_000 } },
      },
    });
    expect(put.status, put.text).toBe(200);
  }
  await createAdmin(server, 'owner@example.com');
  await createAdmin(server, 'shop-admin@example.com', { role: 'admin', appIds: [shop.appId] });
  await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds: [shop.appId] });
  await createAdmin(server, 'agent-a@example.com', { role: 'agent', appIds: [shop.appId] });
  await createAdmin(server, 'agent-b@example.com', { role: 'agent', appIds: [shop.appId] });
  await createAdmin(server, 'bank-agent@example.com', { role: 'agent', appIds: [bank.appId] });
  return {
    server,
    bot,
    shop,
    bank,
    async close() {
      await server.close();
      await bot.close();
    },
  };
}
