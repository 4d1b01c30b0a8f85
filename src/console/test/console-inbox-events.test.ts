import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../../test/helpers/console-admin.ts';
import { openStream, type StreamEvent } from '../../../test/helpers/event-stream.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import {
  connectTestRedis,
  deleteRedisKeys,
  randomRedisPrefix,
  TEST_REDIS_URL,
} from '../../../test/helpers/redis.ts';
import { jarOf, signIn, visitorWaiting } from './console-inbox-helpers.ts';

/** Far below the stream's reconnect delay and heartbeat: only a live wake-up meets it. */
const PROMPTLY_MS = 2_000;

type Stream = Awaited<ReturnType<typeof openStream>>;

/** Waits until an event matches, and returns it. */
async function eventWhere(stream: Stream, match: (e: StreamEvent) => boolean) {
  const deadline = Date.now() + PROMPTLY_MS;
  for (;;) {
    const found = stream.events.find(match);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`no such event in ${JSON.stringify(stream.events.map((e) => e.data))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const about = (conversationId: string) => (e: StreamEvent) =>
  e.data.conversationId === conversationId || e.data.id === conversationId;
const shown = (events: StreamEvent[], conversationId: string) =>
  events
    .filter(about(conversationId))
    .map((e) => (e.event === 'message' ? [e.event, e.data.text] : [e.event, e.data.status]));

async function enableMessenger(client: Client, extra: Record<string, unknown> = {}) {
  const put = await client.request('PUT', '/v1/settings', {
    messenger: { enabled: true, limits: { requestsPerIp: { max: 1_000 } } },
    ...extra,
  });
  expect(put.status, put.text).toBe(200);
}

describe("the console's inbox stream", () => {
  let server: TestServer;
  let shop: { appId: string; client: Client };
  let bank: { appId: string; client: Client };
  const url = (query = '') => `${server.url}/console/api/inbox/events${query}`;

  beforeAll(async () => {
    server = await startServer();
    shop = await server.createApp('Shop');
    bank = await server.createApp('Bank');
    // Codes for the shop's chats are delivered into the chats themselves.
    await enableMessenger(shop.client, {
      channels: { messenger: { providers: [{ type: 'webMessenger' }] } },
    });
    await enableMessenger(bank.client);
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shop.appId] });
    await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds: [shop.appId] });
  });
  afterAll(() => server?.close());

  it("brings a handover, the take and the visitor's messages to the agent's page at once, and nothing of other apps", async () => {
    const agent = await signIn(server, 'agent@example.com');
    const stream = await openStream(url(), jarOf(agent));
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      const chatting = await visitorWaiting(server, shop, { handover: false });
      const elsewhere = await visitorWaiting(server, bank);
      const { visitor, conversationId, phone } = await visitorWaiting(server, shop);

      const arrived = await eventWhere(stream, (e) => e.event === 'conversation');
      expect(arrived.data).toMatchObject({ id: conversationId, status: 'waiting', phone });
      expect(Number(arrived.id)).toBeGreaterThan(0);
      await agent.change(`/console/api/inbox/${shop.appId}/${conversationId}/take`);
      await eventWhere(stream, (e) => e.event === 'message' && e.data.text === 'taken');
      await visitor.post('/messages', { text: 'Is anyone there?' });
      const message = await eventWhere(stream, (e) => e.data.text === 'Is anyone there?');
      expect(message.data).toMatchObject({ author: 'visitor', sequence: 3, conversationId });

      expect(shown(stream.events, conversationId)).toEqual([
        ['conversation', 'waiting'],
        ['message', 'handover'],
        ['conversation', 'agent'],
        ['message', 'taken'],
        ['message', 'Is anyone there?'],
      ]);
      // The bot's chats and other apps' conversations stay out of the inbox.
      await chatting.visitor.post('/messages', { text: 'Just the bot, please' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(stream.events.filter(about(chatting.conversationId))).toEqual([]);
      expect(stream.events.filter(about(elsewhere.conversationId))).toEqual([]);
    } finally {
      await stream.close();
    }
  });

  it('never shows an agent the code a message delivered into the chat', async () => {
    const agent = await signIn(server, 'agent@example.com');
    const { conversationId } = await visitorWaiting(server, shop);
    await agent.change(`/console/api/inbox/${shop.appId}/${conversationId}/take`);
    const stream = await openStream(url(), jarOf(agent));
    try {
      const sent = await shop.client.post('/v1/verifications', {
        to: conversationId,
        channel: 'messenger',
      });
      expect(sent.status, sent.text).toBe(201);
      const delivered = await eventWhere(stream, (e) => e.data.codeHidden === true);
      expect(delivered.data).toMatchObject({ author: 'bot', text: null, conversationId });
      const detail = await agent.call('GET', `/console/api/inbox/${shop.appId}/${conversationId}`);
      const hidden = detail.body.messages.find((m: { codeHidden: boolean }) => m.codeHidden);
      expect(hidden).toMatchObject({ text: null });
      // The app reads the message whole: its text carries the code, as an SMS would.
      const chat = await shop.client.get(`/v1/conversations/${conversationId}/messages`);
      const text = chat.body.data.find((m: { verification: unknown }) => m.verification).text;
      const digits = /\d{4,10}/.exec(text)?.[0];
      expect(digits).toMatch(/^\d{4,10}$/);
      expect(JSON.stringify(detail.body)).not.toContain(digits);
      expect(JSON.stringify(stream.events)).not.toContain(digits);
    } finally {
      await stream.close();
    }
  });

  it('resumes after Last-Event-ID with what changed while the page was away', async () => {
    const agent = await signIn(server, 'agent@example.com');
    const first = await openStream(url(), jarOf(agent));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lastEventId = first.lastEventId;
    expect(lastEventId).toMatch(/^\d+$/);
    await first.close();

    const { visitor, conversationId } = await visitorWaiting(server, shop);
    await visitor.post('/messages', { text: 'Written while you were away' });
    const resumed = await openStream(url(), jarOf(agent), lastEventId);
    try {
      await eventWhere(resumed, (e) => e.data.text === 'Written while you were away');
      expect(shown(resumed.events, conversationId)).toEqual([
        ['conversation', 'waiting'],
        ['message', 'handover'],
        ['message', 'Written while you were away'],
      ]);
    } finally {
      await resumed.close();
    }
    const refused = await fetch(url(), { headers: { 'last-event-id': 'yesterday' } });
    expect(refused.status).toBe(401);
  });

  it('opens for every role of the app, and refuses no session, a bad Last-Event-ID and another app', async () => {
    const viewer = await signIn(server, 'viewer@example.com');
    const watching = await openStream(url(`?appId=${shop.appId}`), jarOf(viewer));
    expect(watching.response.status).toBe(200);
    await watching.close();

    expect((await fetch(url())).status).toBe(401);
    const headers = { cookie: viewer.cookie };
    const elsewhere = await fetch(url(`?appId=${bank.appId}`), { headers });
    expect([elsewhere.status, (await elsewhere.json()).code]).toEqual([
      404,
      'console_app_not_found',
    ]);
    const bad = await fetch(url(), { headers: { ...headers, 'last-event-id': 'yesterday' } });
    expect([bad.status, (await bad.json()).code]).toEqual([400, 'validation_failed']);
  });
});

describe('the inbox stream across two instances over Redis', () => {
  let database: TestDatabase;
  const prefix = randomRedisPrefix();
  const servers: TestServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const schema = await database.createSchema();
    const env = {
      OTPD_DATABASE_URL: schema.url,
      OTPD_SECRET: 'cluster-inbox-server-secret-0123456789',
      OTPD_REDIS_URL: TEST_REDIS_URL,
      OTPD_REDIS_KEY_PREFIX: prefix,
      OTPD_SETTINGS_REFRESH_MS: '0',
    };
    // One after the other: both migrate the same schema.
    servers.push(await startServer({ env }));
    servers.push(await startServer({ env }));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.drop();
    const redis = await connectTestRedis();
    await deleteRedisKeys(redis, prefix);
    await redis.quit();
  });

  it("brings a handover and a visitor's message written on instance A to an agent's page on instance B", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const shop = await a.createApp('Cluster Shop');
    await enableMessenger(shop.client);
    await createAdmin(a, 'cluster-agent@example.com', { role: 'agent', appIds: [shop.appId] });
    const agent = await signIn(b, 'cluster-agent@example.com');
    const stream = await openStream(`${b.url}/console/api/inbox/events`, jarOf(agent));
    try {
      const { visitor, conversationId } = await visitorWaiting(a, shop);
      await eventWhere(stream, (e) => e.event === 'conversation' && e.data.id === conversationId);
      // Taken on B, answered on A: the page on B hears the answer.
      await agent.change(`/console/api/inbox/${shop.appId}/${conversationId}/take`);
      await visitor.post('/messages', { text: 'Hello from instance A' });
      await eventWhere(stream, (e) => e.data.text === 'Hello from instance A');
      expect(shown(stream.events, conversationId)).toEqual([
        ['conversation', 'waiting'],
        ['message', 'handover'],
        ['conversation', 'agent'],
        ['message', 'taken'],
        ['message', 'Hello from instance A'],
      ]);
    } finally {
      await stream.close();
    }
  }, 60_000);
});
