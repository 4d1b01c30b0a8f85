import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  answer,
  type GatewayBehaviour,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer } from '../../../test/helpers/harness.ts';
import { createVisitor, type Visitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';
import { BOT_SECRET, useMessengerBot } from './messenger-bot-fixture.ts';

/** A bot that greets new conversations and answers every message. */
const chatty: GatewayBehaviour = (request) => {
  const event = JSON.parse(request.body);
  if (event.type === 'conversation.started') {
    return { status: 200, body: { messages: [{ text: 'Welcome to Shop' }] } };
  }
  if (event.type === 'conversation.message') {
    return { status: 200, body: { messages: [{ text: 'Hello from the bot' }] } };
  }
  return { status: 204 };
};
let phones = 0;
const nextPhone = () => `+90555400${String(1000 + phones++)}`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}

describe('messenger chat', () => {
  const suite = useMessengerBot(chatty);

  async function enter(): Promise<{ visitor: Visitor; conversationId: string; phone: string }> {
    const visitor = createVisitor(suite.server.url, suite.appId);
    const phone = nextPhone();
    const started = await visitor.post('/verifications', { phone });
    const code = await readSandboxCode(suite.client, started.body.id);
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    // The bot has heard conversation.started and its greeting is stored.
    await suite.server.deps.messenger.conversations.drain();
    return { visitor, conversationId: checked.body.conversation.id, phone };
  }

  const messagesOf = async (visitor: Visitor) => (await visitor.get('/messages')).body.data;

  it('relays each visitor message to the suite.bot, signed, and shows its answer in the chat', async () => {
    const { visitor, conversationId, phone } = await enter();
    const sent = await visitor.post('/messages', { text: 'Where is my order?' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ author: 'visitor', text: 'Where is my order?' });

    const messages = await until(
      () => messagesOf(visitor),
      (m) => m.length === 3,
    );
    expect(messages.map((m: { author: string; text: string }) => [m.author, m.text])).toEqual([
      ['bot', 'Welcome to Shop'],
      ['visitor', 'Where is my order?'],
      ['bot', 'Hello from the bot'],
    ]);
    expect(messages.map((m: { sequence: number }) => m.sequence)).toEqual([1, 2, 3]);

    const events = suite.bot.requests
      .filter((r) => JSON.parse(r.body).data.conversationId === conversationId)
      .map((r) => {
        const verified = new Webhook(BOT_SECRET).verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { type: string; data: Record<string, any> };
        return verified;
      });
    expect(events.map((e) => e.type).sort()).toEqual([
      'conversation.message',
      'conversation.started',
    ]);
    const message = events.find((e) => e.type === 'conversation.message');
    expect(message?.data).toMatchObject({
      appId: suite.appId,
      conversationId,
      visitor: { phone, locale: 'en' },
      message: { text: 'Where is my order?', sequence: 2 },
    });
  });

  it('takes replies posted through the API by the bot and agents; an agent takes the conversation over', async () => {
    const { visitor, conversationId } = await enter();
    const reply = await suite.client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'bot',
      text: 'Pick one',
      image: 'https://img.example/menu.png',
      buttons: [
        { type: 'postback', title: 'Talk to a person', payload: 'HUMAN' },
        { type: 'web_url', title: 'Our site', url: 'https://shop.example' },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.author).toBe('bot');

    const pressed = await visitor.post('/postback', {
      messageId: reply.body.id,
      payload: 'HUMAN',
    });
    expect(pressed.status).toBe(201);
    expect(pressed.body).toMatchObject({ author: 'visitor', text: 'Talk to a person' });
    const forged = await visitor.post('/postback', { messageId: reply.body.id, payload: 'ADMIN' });
    expect(forged.status).toBe(404);
    const postback = await until(
      async () =>
        suite.bot.requests
          .map((r) => JSON.parse(r.body))
          .find(
            (e) => e.type === 'conversation.postback' && e.data.conversationId === conversationId,
          ),
      (e) => e !== undefined,
    );
    expect(postback.data.postback).toEqual({ messageId: reply.body.id, payload: 'HUMAN' });

    const handedOver = await suite.client.post(`/v1/conversations/${conversationId}/handover`);
    expect(handedOver.body.status).toBe('waiting');
    const waiting = await suite.client.get('/v1/conversations?status=waiting');
    expect(waiting.body.data.map((c: { id: string }) => c.id)).toContain(conversationId);

    const before = suite.bot.requests.length;
    await visitor.post('/messages', { text: 'Hello? A person please' });
    const agent = await suite.client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'agent',
      text: 'Hi, I am Ayşe',
    });
    expect(agent.status).toBe(201);
    expect((await suite.client.get(`/v1/conversations/${conversationId}`)).body.status).toBe(
      'agent',
    );
    await suite.server.deps.messenger.conversations.drain();
    // While people have the conversation, the bot hears nothing more.
    expect(suite.bot.requests.length).toBe(before);
    const authors = (await messagesOf(visitor)).map((m: { author: string }) => m.author);
    expect(authors.slice(-3)).toEqual(['system', 'visitor', 'agent']);
  });

  it('lets the visitor ask for a person', async () => {
    const { visitor, conversationId } = await enter();
    const asked = await visitor.post('/handover');
    expect(asked.body).toMatchObject({ id: conversationId, status: 'waiting' });
  });

  it('refuses a bot or agent message without text or image, and chat without a session', async () => {
    const { conversationId } = await enter();
    const empty = await suite.client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'bot',
    });
    expect(empty.status).toBe(400);
    const anonymous = await createVisitor(suite.server.url, suite.appId).post('/messages', {
      text: 'hi',
    });
    expect(anonymous.status).toBe(401);
  });

  it('lists conversations by phone, in cursor pages', async () => {
    const entered = [await enter(), await enter(), await enter()];
    const byPhone = await suite.client.get(
      `/v1/conversations?phone=${encodeURIComponent(entered[1]?.phone ?? '')}`,
    );
    expect(byPhone.body.data.map((c: { id: string }) => c.id)).toEqual([
      entered[1]?.conversationId,
    ]);
    const first = await suite.client.get('/v1/conversations?limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.data[1].id);
    const second = await suite.client.get(
      `/v1/conversations?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data[0].id < first.body.data[1].id).toBe(true);
  });

  it('keeps the chat when the bot fails: the message stays and waits for the API', async () => {
    suite.bot.behave(answer(500, 'down'));
    try {
      const { visitor } = await enter();
      await visitor.post('/messages', { text: 'anyone?' });
      await suite.server.deps.messenger.conversations.drain();
      const messages = await messagesOf(visitor);
      expect(messages.map((m: { author: string }) => m.author)).toEqual(['visitor']);
    } finally {
      suite.bot.behave(chatty);
    }
  });

  it('writes no session token, gate cookie or bot secret to the log (I6)', async () => {
    const { visitor } = await enter();
    await visitor.post('/messages', { text: 'hi' });
    await suite.server.deps.messenger.conversations.drain();
    const logs = suite.server.logs.join('');
    expect(logs).not.toContain(BOT_SECRET);
    expect(logs).not.toContain(visitor.cookies.get('otpd_messenger'));
  });
});

describe('messenger bot behind the outbound guard', () => {
  it('never POSTs to a loopback bot unless the operator allows the network', async () => {
    const bot = await startFakeGateway(answer(200, { messages: [{ text: 'internal' }] }));
    const server = await startServer();
    try {
      const { client, appId } = await server.createApp('Guarded');
      await client.request('PUT', '/v1/settings', {
        messenger: {
          enabled: true,
          authentication: 'none',
          bot: { url: `${bot.url}/hook`, secret: BOT_SECRET },
        },
      });
      const visitor = createVisitor(server.url, appId);
      await visitor.post('/conversations', {});
      await visitor.post('/messages', { text: 'hi' });
      await server.deps.messenger.conversations.drain();
      expect(bot.requests).toEqual([]);
      expect((await visitor.get('/messages')).body.data).toHaveLength(1);
      expect(server.logs.join('')).toContain('blocked_address');
    } finally {
      await server.close();
      await bot.close();
    }
  });
});
