import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { GatewayBehaviour } from '../../../test/helpers/fake-gateway.ts';
import type { ApiResponse } from '../../../test/helpers/http-client.ts';
import { createVisitor, type Visitor } from '../../../test/helpers/messenger-visitor.ts';
import { expectProblem } from '../../../test/helpers/problem.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';
import { BOT_SECRET, useMessengerBot } from './messenger-bot-fixture.ts';

/** A bot that tries to have the last word: it answers every event, the close included. */
const talkative: GatewayBehaviour = () => ({
  status: 200,
  body: { messages: [{ text: 'Anything else?' }] },
});
let phones = 0;
const nextPhone = () => `+90555410${String(1000 + phones++)}`;

/** A response as the problem check reads it. */
const problemOf = (response: ApiResponse) => ({
  ...response,
  contentType: response.headers.get('content-type'),
});

describe('closing a messenger conversation', () => {
  const suite = useMessengerBot(talkative);

  const drain = () => suite.server.deps.messenger.conversations.drain();

  async function enter(phone = nextPhone()) {
    const visitor = createVisitor(suite.server.url, suite.appId);
    const started = await visitor.post('/verifications', { phone });
    const code = await readSandboxCode(suite.client, started.body.id);
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    await drain();
    return { visitor, phone, conversationId: checked.body.conversation.id as string };
  }

  const authorsAndTexts = async (visitor: Visitor) =>
    (await visitor.get('/messages')).body.data.map((m: { author: string; text: string }) => [
      m.author,
      m.text,
    ]);

  const botEvents = (conversationId: string) =>
    suite.bot.requests
      .map((r) =>
        new Webhook(BOT_SECRET).verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }),
      )
      .filter((e: any) => e.data.conversationId === conversationId) as {
      type: string;
      data: Record<string, any>;
    }[];

  it('closes through the API: a system message ends the chat, the bot hears conversation.closed and gets no last word', async () => {
    const { visitor, conversationId } = await enter();
    const agent = await suite.client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'agent',
      text: 'Glad to help',
    });
    expect(agent.status).toBe(201);

    const closed = await suite.client.post(`/v1/conversations/${conversationId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: conversationId, status: 'closed' });
    await drain();

    expect(await authorsAndTexts(visitor)).toEqual([
      ['bot', 'Anything else?'],
      ['agent', 'Glad to help'],
      ['system', 'closed'],
    ]);
    const heard = botEvents(conversationId).find((e) => e.type === 'conversation.closed');
    expect(heard?.data).toMatchObject({ appId: suite.appId, conversationId, status: 'closed' });
    expect((await suite.client.get(`/v1/conversations/${conversationId}`)).body.status).toBe(
      'closed',
    );
  });

  it('answers 409 conversation_closed to a second close and to every message after it', async () => {
    const { visitor, conversationId } = await enter();
    const { body: seen } = await visitor.get('/messages');
    const press = seen.data.length;
    expect((await suite.client.post(`/v1/conversations/${conversationId}/close`)).status).toBe(200);

    expectProblem(
      problemOf(await suite.client.post(`/v1/conversations/${conversationId}/close`)),
      409,
      'conversation_closed',
    );
    for (const author of ['bot', 'agent']) {
      expectProblem(
        problemOf(
          await suite.client.post(`/v1/conversations/${conversationId}/messages`, {
            author,
            text: 'hi',
          }),
        ),
        409,
        'conversation_closed',
      );
    }
    expectProblem(
      problemOf(await suite.client.post(`/v1/conversations/${conversationId}/handover`)),
      409,
      'conversation_closed',
    );
    const refused = expectProblem(
      problemOf(await visitor.post('/messages', { text: 'Hello?' })),
      409,
      'conversation_closed',
    );
    expect(refused.detail).toContain('start a new chat');
    expectProblem(problemOf(await visitor.post('/handover')), 409, 'conversation_closed');
    expectProblem(problemOf(await visitor.post('/close')), 409, 'conversation_closed');
    expect((await visitor.get('/messages')).body.data).toHaveLength(press + 1);
  });

  it('lets the visitor end the chat: the session stays on the ended chat, and verifying again opens a new one', async () => {
    const { visitor, phone, conversationId } = await enter();
    const ended = await visitor.post('/close');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: conversationId, status: 'closed' });
    await drain();
    expect((await visitor.get('/session')).body).toMatchObject({
      id: conversationId,
      status: 'closed',
    });
    expect((await authorsAndTexts(visitor)).at(-1)).toEqual(['system', 'closed']);
    expect(botEvents(conversationId).map((e) => e.type)).toContain('conversation.closed');

    expect((await visitor.post('/logout')).status).toBe(204);
    const again = await enter(phone);
    expect(again.conversationId).not.toBe(conversationId);
    expect((await again.visitor.get('/session')).body.status).toBe('bot');
  });

  it('closes from every open status: with the suite.bot, waiting for a person, with an agent', async () => {
    const waiting = await enter();
    expect((await waiting.visitor.post('/handover')).status).toBe(200);
    const withAgent = await enter();
    await suite.client.post(`/v1/conversations/${withAgent.conversationId}/messages`, {
      author: 'agent',
      text: 'Hi',
    });
    const withBot = await enter();
    for (const { conversationId } of [waiting, withAgent, withBot]) {
      const closed = await suite.client.post(`/v1/conversations/${conversationId}/close`);
      expect(closed.body.status, conversationId).toBe('closed');
    }
  });

  it("closes no other app's conversation (I5) and answers 404 for one that does not exist", async () => {
    const { conversationId } = await enter();
    const { client: other } = await suite.server.createApp('Neighbour');
    expectProblem(
      problemOf(await other.post(`/v1/conversations/${conversationId}/close`)),
      404,
      'conversation_not_found',
    );
    expectProblem(
      problemOf(await suite.client.post('/v1/conversations/conv_missing/close')),
      404,
      'conversation_not_found',
    );
    expect((await suite.client.get(`/v1/conversations/${conversationId}`)).body.status).toBe('bot');
  });
});
