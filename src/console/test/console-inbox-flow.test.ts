import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../../test/helpers/fake-gateway.ts';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { expectProblem } from '../../../test/helpers/problem.ts';
import {
  at,
  botEvents,
  chatOf,
  INBOX,
  ids,
  problemOf,
  signIn,
  startInbox,
  visitorProblem,
  visitorWaiting,
} from './console-inbox-helpers.ts';

describe("the console's agent inbox: taking, writing, handing back and closing", () => {
  let server: TestServer;
  let bot: FakeGateway;
  let shop: { appId: string; client: Client };
  let world: Awaited<ReturnType<typeof startInbox>>;

  beforeAll(async () => {
    world = await startInbox();
    ({ server, bot, shop } = world);
  });
  afterAll(() => world?.close());

  const drain = () => server.deps.messenger.conversations.drain();

  it('gives a conversation to exactly one of two agents taking it at once; the other hears 409 conversation_taken', async () => {
    const { visitor, conversationId } = await visitorWaiting(server, shop);
    const a = await signIn(server, 'agent-a@example.com');
    const b = await signIn(server, 'agent-b@example.com');
    const path = at(shop.appId, conversationId, '/take');
    const [first, second] = await Promise.all([a.change(path), b.change(path)]);
    const outcomes = [first, second].map((r) => r.status).sort();
    expect(outcomes).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [a, b] : [b, a];
    const winner = first.status === 200 ? first : second;
    const loser = first.status === 200 ? second : first;
    expect(winner.body).toMatchObject({ status: 'agent', agent: { email: expect.any(String) } });
    const problem = expectProblem(problemOf(loser), 409, 'conversation_taken');
    expect(problem.detail).toContain('another agent');

    // Taking it again changes nothing; the other agent may neither write, hand back nor close.
    expect((await won.change(path)).status).toBe(200);
    for (const [action, body] of [
      ['/messages', { text: 'Me too!' }],
      ['/hand-back', undefined],
      ['/close', undefined],
    ] as const) {
      const refused = await lost.change(at(shop.appId, conversationId, action), body);
      expectProblem(problemOf(refused), 409, 'conversation_taken');
    }
    // The visitor was told once that a person took the chat.
    expect(await chatOf(visitor)).toEqual([
      ['system', 'handover'],
      ['system', 'taken'],
    ]);
  });

  it('carries messages both ways: the agent writes to the page, the visitor answers the agent, not the bot', async () => {
    const { visitor, conversationId } = await visitorWaiting(server, shop);
    const agent = await signIn(server, 'agent-a@example.com');
    const write = (text: string) =>
      agent.change(at(shop.appId, conversationId, '/messages'), { text });
    // Not taken yet: take it first.
    expectProblem(problemOf(await write('Hello?')), 409, 'conversation_not_taken');
    expect((await agent.change(at(shop.appId, conversationId, '/take'))).status).toBe(200);

    const sent = await write('  Hello, I am Ayşe. How can I help?  ');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      author: 'agent',
      text: 'Hello, I am Ayşe. How can I help?',
      sequence: 3,
      codeHidden: false,
    });
    bot.requests.length = 0;
    expect((await visitor.post('/messages', { text: 'My parcel is late.' })).status).toBe(201);
    await drain();
    expect(botEvents(bot, conversationId)).toEqual([]);
    const detail = await agent.call('GET', `${at(shop.appId, conversationId)}?after=3`);
    expect(detail.body.messages.map((m: { author: string; text: string }) => m.text)).toEqual([
      'My parcel is late.',
    ]);
    expect((await chatOf(visitor)).at(-2)).toEqual(['agent', 'Hello, I am Ayşe. How can I help?']);
  });

  it('hands a conversation back to the bot: the visitor is told, the bot hears it and answers', async () => {
    const { visitor, conversationId } = await visitorWaiting(server, shop);
    const agent = await signIn(server, 'agent-a@example.com');
    await agent.change(at(shop.appId, conversationId, '/take'));
    bot.requests.length = 0;
    const back = await agent.change(at(shop.appId, conversationId, '/hand-back'));
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'bot', agent: null });
    await drain();
    const heard = botEvents(bot, conversationId).map((e) => [e.type, e.data.status]);
    expect(heard).toEqual([['conversation.handed_back', 'bot']]);
    expect((await chatOf(visitor)).slice(-2)).toEqual([
      ['system', 'handed_back'],
      ['bot', 'The bot is back.'],
    ]);
    // It left the inbox; the visitor may ask for a person again.
    expect(
      (await agent.call('GET', INBOX)).body.data.map((c: { id: string }) => c.id),
    ).not.toContain(conversationId);
    expectProblem(
      problemOf(await agent.change(at(shop.appId, conversationId, '/hand-back'))),
      409,
      'conversation_not_taken',
    );
    expect((await visitor.post('/handover')).body.status).toBe('waiting');
  });

  it('closes a conversation: the chat ends, the bot hears it, and it takes nothing more', async () => {
    const { visitor, conversationId } = await visitorWaiting(server, shop);
    const admin = await signIn(server, 'shop-admin@example.com');
    bot.requests.length = 0;
    const closed = await admin.change(at(shop.appId, conversationId, '/close'));
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    await drain();
    expect(botEvents(bot, conversationId).map((e) => e.type)).toEqual(['conversation.closed']);
    expect((await chatOf(visitor)).at(-1)).toEqual(['system', 'closed']);
    expectProblem(
      visitorProblem(await visitor.post('/messages', { text: 'Hello?' })),
      409,
      'conversation_closed',
    );
    for (const action of ['/close', '/take']) {
      const again = await admin.change(at(shop.appId, conversationId, action));
      expectProblem(problemOf(again), 409, 'conversation_closed');
    }
    const listed = await admin.call('GET', `${INBOX}?status=closed`);
    expect(ids(listed.body)).toContain(conversationId);
  });
});
