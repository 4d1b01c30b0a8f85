import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../helpers/console-admin.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';
import { expectProblem } from '../helpers/problem.ts';
import {
  BOT_SECRET,
  botEvents,
  chatOf,
  problemOf,
  signIn,
  visitorProblem,
  visitorWaiting,
} from './console-inbox-helpers.ts';

describe("the console's agent inbox", () => {
  let server: TestServer;
  let bot: FakeGateway;
  let shop: { appId: string; client: Client };
  let bank: { appId: string; client: Client };
  const inbox = '/console/api/inbox';

  beforeAll(async () => {
    // The bot speaks only when a conversation comes back to it.
    bot = await startFakeGateway((request) =>
      JSON.parse(request.body).type === 'conversation.handed_back'
        ? { status: 200, body: { messages: [{ text: 'The bot is back.' }] } }
        : { status: 204 },
    );
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    shop = await server.createApp('Shop');
    bank = await server.createApp('Bank');
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
  });
  afterAll(async () => {
    await server?.close();
    await bot?.close();
  });

  const drain = () => server.deps.messenger.conversations.drain();
  const ids = (body: { data: { id: string }[] }) => body.data.map((c) => c.id);
  const at = (appId: string, id: string, action = '') => `${inbox}/${appId}/${id}${action}`;

  it("lists the conversations waiting in the admin's apps, each with the visitor's verified phone, name and email", async () => {
    const waiting = await visitorWaiting(server, shop, {
      name: 'Grace',
      email: 'grace@example.com',
    });
    const chatting = await visitorWaiting(server, shop, { handover: false });
    const elsewhere = await visitorWaiting(server, bank);

    const agent = await signIn(server, 'agent-a@example.com');
    const listed = await agent.call('GET', inbox);
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).toContain(waiting.conversationId);
    expect(ids(listed.body)).not.toContain(chatting.conversationId);
    expect(ids(listed.body)).not.toContain(elsewhere.conversationId);
    expect(listed.body.data.find((c: { id: string }) => c.id === waiting.conversationId)).toEqual({
      id: waiting.conversationId,
      appId: shop.appId,
      status: 'waiting',
      phone: waiting.phone,
      name: 'Grace',
      email: 'grace@example.com',
      locale: 'en',
      agent: null,
      lastSequence: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const withTheBot = await agent.call('GET', `${inbox}?status=bot`);
    expect(ids(withTheBot.body)).toContain(chatting.conversationId);

    const detail = await agent.call('GET', at(shop.appId, waiting.conversationId));
    expect(detail.status).toBe(200);
    expect(detail.body.conversation).toMatchObject({ phone: waiting.phone, name: 'Grace' });
    expect(detail.body.messages.map((m: { author: string; text: string }) => m.text)).toEqual([
      'handover',
    ]);
    expect(detail.body.more).toBe(false);

    // Another app's agent neither lists nor opens it; an owner sees every app.
    const other = await signIn(server, 'bank-agent@example.com');
    expect(ids((await other.call('GET', inbox)).body)).toEqual([elsewhere.conversationId]);
    expectProblem(
      problemOf(await other.call('GET', at(shop.appId, waiting.conversationId))),
      404,
      'console_app_not_found',
    );
    expectProblem(
      problemOf(await other.call('GET', `${inbox}?appId=${shop.appId}`)),
      404,
      'console_app_not_found',
    );
    // An app of theirs does not open another app's conversation either.
    expectProblem(
      problemOf(await other.call('GET', at(bank.appId, waiting.conversationId))),
      404,
      'conversation_not_found',
    );
    const owner = await signIn(server, 'owner@example.com');
    const all = ids((await owner.call('GET', inbox)).body);
    expect(all).toEqual(expect.arrayContaining([waiting.conversationId, elsewhere.conversationId]));
    const bankOnly = await owner.call('GET', `${inbox}?appId=${bank.appId}&limit=1`);
    expect(ids(bankOnly.body)).toEqual([elsewhere.conversationId]);
  });

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
      (await agent.call('GET', inbox)).body.data.map((c: { id: string }) => c.id),
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
    const listed = await admin.call('GET', `${inbox}?status=closed`);
    expect(ids(listed.body)).toContain(conversationId);
  });

  it('writes taking, handing back and closing to the audit log, never a text or a phone', async () => {
    const { visitor, phone, conversationId } = await visitorWaiting(server, shop);
    const agent = await signIn(server, 'agent-b@example.com');
    await agent.change(at(shop.appId, conversationId, '/take'));
    await agent.change(at(shop.appId, conversationId, '/take'));
    await agent.change(at(shop.appId, conversationId, '/messages'), { text: 'A secret plan' });
    await agent.change(at(shop.appId, conversationId, '/hand-back'));
    await drain();
    await visitor.post('/handover');
    await agent.change(at(shop.appId, conversationId, '/close'));

    const page = await server.deps.console.audit.list({ appIds: [shop.appId], limit: 100 });
    const mine = page.entries.filter((e) => e.target === conversationId);
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'conversation.taken',
      'conversation.handed_back',
      'conversation.closed',
    ]);
    for (const entry of mine) {
      expect(entry).toMatchObject({ actor: 'admin:agent-b@example.com', appId: shop.appId });
    }
    const written = JSON.stringify(mine);
    expect(written).not.toContain(phone);
    expect(written).not.toContain('secret plan');
  });

  it('lets a viewer read but change nothing, and refuses a change without the CSRF token', async () => {
    const { conversationId } = await visitorWaiting(server, shop);
    const viewer = await signIn(server, 'viewer@example.com');
    expect(ids((await viewer.call('GET', inbox)).body)).toContain(conversationId);
    expect((await viewer.call('GET', at(shop.appId, conversationId))).status).toBe(200);
    for (const action of ['/take', '/hand-back', '/close']) {
      const refused = await viewer.change(at(shop.appId, conversationId, action));
      expectProblem(problemOf(refused), 403, 'console_role_forbidden');
    }
    const write = await viewer.change(at(shop.appId, conversationId, '/messages'), { text: 'Hi' });
    expectProblem(problemOf(write), 403, 'console_role_forbidden');

    const agent = await signIn(server, 'agent-a@example.com');
    const forged = await agent.change(at(shop.appId, conversationId, '/take'), undefined, null);
    expectProblem(problemOf(forged), 403, 'csrf_token_invalid');
    const wrong = await agent.change(at(shop.appId, conversationId, '/take'), undefined, 'forged');
    expectProblem(problemOf(wrong), 403, 'csrf_token_invalid');
    const other = await signIn(server, 'bank-agent@example.com');
    expectProblem(
      problemOf(await other.change(at(shop.appId, conversationId, '/take'))),
      404,
      'console_app_not_found',
    );
    const signedOut = await fetch(`${server.url}${inbox}`);
    expect(signedOut.status).toBe(401);
    // Nobody took it.
    const detail = await agent.call('GET', at(shop.appId, conversationId));
    expect(detail.body.conversation).toMatchObject({ status: 'waiting', agent: null });
  });

  it('answers bad input with a 400 problem naming the field', async () => {
    const { conversationId } = await visitorWaiting(server, shop);
    const agent = await signIn(server, 'agent-a@example.com');
    await agent.change(at(shop.appId, conversationId, '/take'));
    const write = (body: unknown) =>
      agent.change(at(shop.appId, conversationId, '/messages'), body);
    for (const [body, field] of [
      [{ text: '   ' }, 'body.text'],
      [{ text: 'x'.repeat(4_001) }, 'body.text'],
      [{ text: 'Hi', author: 'bot' }, 'body.author'],
      [{}, 'body.text'],
    ] as const) {
      const refused = expectProblem(problemOf(await write(body)), 400, 'validation_failed');
      expect(refused.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    for (const query of ['?status=lost', '?limit=0', '?limit=101', '?cursor=', '?extra=1']) {
      expectProblem(
        problemOf(await agent.call('GET', `${inbox}${query}`)),
        400,
        'validation_failed',
      );
    }
    const detail = await agent.call('GET', `${at(shop.appId, conversationId)}?after=-1`);
    expectProblem(problemOf(detail), 400, 'validation_failed');
    const missing = await agent.call('GET', at(shop.appId, 'conv_missing'));
    expectProblem(problemOf(missing), 404, 'conversation_not_found');
    const unknownTake = await agent.change(at(shop.appId, 'conv_missing', '/take'));
    expectProblem(problemOf(unknownTake), 404, 'conversation_not_found');
  });
});
