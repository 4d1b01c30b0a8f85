import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../messenger/conversation-store.ts';
import type { KyselyStore } from '../kysely-store.ts';
import {
  appId,
  type ConversationStoreUnderTest,
  now,
  otherAppId,
  withConversationStore,
} from './conversation-store-fixture.ts';

/**
 * The guarantees every adapter of the messenger's `ConversationStore` gives
 * (src/messenger/conversation-store.ts) for the agent inbox: taking, handing back and closing
 * a conversation, and listing the inbox. A fresh migrated store per test.
 */
export function describeConversationInboxContract(
  name: string,
  open: () => Promise<ConversationStoreUnderTest>,
): void {
  describe(`ConversationStore contract, agent inbox: ${name}`, () => {
    let store: KyselyStore;
    const { conversation, message } = withConversationStore(open, (s) => {
      store = s;
    });

    it('gives a waiting conversation to exactly one of many agents taking it at once', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      await store.changeConversationStatus(appId, c.id, ['bot'], 'waiting', now);
      const agents = Array.from({ length: 6 }, (_, i) => `adm_${i}`);
      const outcomes = await Promise.all(
        agents.map((agent) => store.takeConversation(appId, c.id, agent, now + 5)),
      );
      const won = outcomes.filter((o) => o !== undefined);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ status: 'agent', updatedAt: now + 5 });
      expect(agents).toContain(won[0]?.agentId);
      expect(await store.getConversation(appId, c.id)).toEqual(won[0]);
      // Held: nobody takes it again, its holder included; another app's id takes nothing.
      expect(await store.takeConversation(appId, c.id, won[0]?.agentId ?? '', now)).toBeUndefined();
      const { conversation: other } = await store.openConversation(conversation({ phone: null }));
      expect(await store.takeConversation(otherAppId, other.id, 'adm_0', now)).toBeUndefined();
      expect((await store.getConversation(appId, other.id))?.agentId).toBeNull();
    });

    it('hands a conversation back to the bot only by the agent holding it, and forgets the agent', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      await store.takeConversation(appId, c.id, 'adm_a', now);
      expect(await store.releaseConversation(appId, c.id, 'adm_b', now + 1)).toBeUndefined();
      expect(await store.releaseConversation(otherAppId, c.id, 'adm_a', now + 1)).toBeUndefined();
      const back = await store.releaseConversation(appId, c.id, 'adm_a', now + 2);
      expect(back).toMatchObject({ status: 'bot', agentId: null, updatedAt: now + 2 });
      expect(await store.releaseConversation(appId, c.id, 'adm_a', now + 3)).toBeUndefined();
      // Taken again, then moved by the conversations API: no console agent holds it then.
      await store.takeConversation(appId, c.id, 'adm_b', now + 4);
      const moved = await store.changeConversationStatus(appId, c.id, ['agent'], 'waiting', now);
      expect(moved).toMatchObject({ status: 'waiting', agentId: null });
    });

    it("appends a holder's message only while that agent holds the conversation", async () => {
      const { conversation: c } = await store.openConversation(conversation());
      expect(
        await store.appendMessage(message(c.id, { id: 'cmsg_early' }), 'adm_a'),
      ).toBeUndefined();
      await store.takeConversation(appId, c.id, 'adm_a', now);
      expect(await store.appendMessage(message(c.id, { id: 'cmsg_b' }), 'adm_b')).toBeUndefined();
      const written = await store.appendMessage(
        message(c.id, { id: 'cmsg_a', author: 'agent' }),
        'adm_a',
      );
      expect(written).toMatchObject({ sequence: 1, author: 'agent' });
      expect((await store.getConversation(appId, c.id))?.lastSequence).toBe(1);
      // Without a holder named, any open conversation takes the message, as before.
      expect(await store.appendMessage(message(c.id, { id: 'cmsg_v' }))).toMatchObject({
        sequence: 2,
      });
    });

    it('closes for an agent unless another holds it, and then forgets the holder', async () => {
      const closing = (id: string, agentId: string, n: number) =>
        store.closeConversation(
          message(id, { id: `cmsg_close_${n}`, author: 'system', text: 'closed' }),
          agentId,
        );
      const { conversation: held } = await store.openConversation(conversation());
      await store.takeConversation(appId, held.id, 'adm_a', now);
      expect(await closing(held.id, 'adm_b', 1)).toBeUndefined();
      const closed = await closing(held.id, 'adm_a', 2);
      expect(closed?.conversation).toMatchObject({ status: 'closed', agentId: null });
      // Waiting for anyone: any agent closes it. Held through the API: no console agent does.
      const { conversation: waiting } = await store.openConversation(conversation({ phone: null }));
      await store.changeConversationStatus(appId, waiting.id, ['bot'], 'waiting', now);
      expect((await closing(waiting.id, 'adm_b', 3))?.conversation.status).toBe('closed');
      const { conversation: api } = await store.openConversation(
        conversation({ phone: null, status: 'agent' }),
      );
      expect(await closing(api.id, 'adm_b', 4)).toBeUndefined();
    });

    it('lists the inbox of several apps by status, newest first, with cursor pages and a change time', async () => {
      const made: ConversationRecord[] = [];
      for (let i = 0; i < 4; i++) {
        const over = { phone: null, appId: i === 3 ? otherAppId : appId };
        made.push((await store.openConversation(conversation(over))).conversation);
      }
      const [a, b, c, d] = made.map((m) => m.id) as [string, string, string, string];
      await store.changeConversationStatus(appId, a, ['bot'], 'waiting', now + 10);
      await store.changeConversationStatus(appId, b, ['bot'], 'waiting', now + 20);
      await store.takeConversation(appId, c, 'adm_a', now + 30);
      await store.changeConversationStatus(otherAppId, d, ['bot'], 'waiting', now + 40);
      const open = ['waiting', 'agent'] as const;
      const mine = await store.listInbox([appId], { statuses: open, limit: 10 });
      expect(mine.map((m) => m.id)).toEqual([c, b, a]);
      const both = await store.listInbox([appId, otherAppId], { statuses: ['waiting'], limit: 10 });
      expect(both.map((m) => m.id)).toEqual([d, b, a]);
      const page = await store.listInbox([appId], { statuses: open, limit: 2, before: c });
      expect(page.map((m) => m.id)).toEqual([b, a]);
      const changed = await store.listInbox([appId], {
        statuses: open,
        limit: 10,
        updatedSince: now + 20,
      });
      expect(changed.map((m) => m.id)).toEqual([c, b]);
      expect(await store.listInbox([], { statuses: open, limit: 10 })).toEqual([]);
      expect(await store.listInbox(['app_nobody'], { statuses: open, limit: 10 })).toEqual([]);
    });
  });
}
