import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { expectProblem } from '../../../test/helpers/problem.ts';
import {
  at,
  INBOX,
  ids,
  problemOf,
  signIn,
  startInbox,
  visitorWaiting,
} from './console-inbox-helpers.ts';

describe("the console's agent inbox: who sees what, the audit log and bad input", () => {
  let server: TestServer;
  let shop: { appId: string; client: Client };
  let bank: { appId: string; client: Client };
  let world: Awaited<ReturnType<typeof startInbox>>;

  beforeAll(async () => {
    world = await startInbox();
    ({ server, shop, bank } = world);
  });
  afterAll(() => world?.close());

  const drain = () => server.deps.messenger.conversations.drain();

  it("lists the conversations waiting in the admin's apps, each with the visitor's verified phone, name and email", async () => {
    const waiting = await visitorWaiting(server, shop, {
      name: 'Grace',
      email: 'grace@example.com',
    });
    const chatting = await visitorWaiting(server, shop, { handover: false });
    const elsewhere = await visitorWaiting(server, bank);

    const agent = await signIn(server, 'agent-a@example.com');
    const listed = await agent.call('GET', INBOX);
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
    const withTheBot = await agent.call('GET', `${INBOX}?status=bot`);
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
    expect(ids((await other.call('GET', INBOX)).body)).toEqual([elsewhere.conversationId]);
    expectProblem(
      problemOf(await other.call('GET', at(shop.appId, waiting.conversationId))),
      404,
      'console_app_not_found',
    );
    expectProblem(
      problemOf(await other.call('GET', `${INBOX}?appId=${shop.appId}`)),
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
    const all = ids((await owner.call('GET', INBOX)).body);
    expect(all).toEqual(expect.arrayContaining([waiting.conversationId, elsewhere.conversationId]));
    const bankOnly = await owner.call('GET', `${INBOX}?appId=${bank.appId}&limit=1`);
    expect(ids(bankOnly.body)).toEqual([elsewhere.conversationId]);
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
    expect(ids((await viewer.call('GET', INBOX)).body)).toContain(conversationId);
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
    const signedOut = await fetch(`${server.url}${INBOX}`);
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
        problemOf(await agent.call('GET', `${INBOX}${query}`)),
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
