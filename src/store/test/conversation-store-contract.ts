import { describe, expect, it } from 'vitest';
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
 * (src/messenger/conversation-store.ts) for conversations, their messages and sessions,
 * written against the port. A fresh migrated store per test.
 */
export function describeConversationStoreContract(
  name: string,
  open: () => Promise<ConversationStoreUnderTest>,
): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let store: KyselyStore;
    const { conversation, message } = withConversationStore(open, (s) => {
      store = s;
    });

    it('opens one conversation for a phone however many verify at once, and resumes it', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.openConversation(conversation())),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
      const again = await store.openConversation(conversation({ name: 'Someone else' }));
      expect(again).toEqual({ conversation: results[0]?.conversation, created: false });
      expect(again.conversation.name).toBe('Ada');
    });

    it('opens a new conversation once the old one of that phone is closed', async () => {
      const first = (await store.openConversation(conversation())).conversation;
      await store.changeConversationStatus(appId, first.id, ['bot'], 'closed', now + 5);
      const second = await store.openConversation(conversation());
      expect(second.created).toBe(true);
      expect(second.conversation.id).not.toBe(first.id);
    });

    it("keeps each app's conversations for the same phone apart", async () => {
      const mine = await store.openConversation(conversation());
      const theirs = await store.openConversation(conversation({ appId: otherAppId }));
      expect(theirs.created).toBe(true);
      expect(theirs.conversation.id).not.toBe(mine.conversation.id);
    });

    it('never merges conversations that have no phone', async () => {
      const a = await store.openConversation(conversation({ phone: null }));
      const b = await store.openConversation(conversation({ phone: null }));
      expect([a.created, b.created]).toEqual([true, true]);
    });

    it('numbers concurrent messages 1, 2, 3 … without gap or repeat and touches the conversation', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.appendMessage(message(c.id, { id: `cmsg_${i}`, text: `m${i}` })),
        ),
      );
      expect(appended.map((m) => m?.sequence).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const after = await store.listMessages(appId, c.id, 15, 100);
      expect(after.map((m) => m.sequence)).toEqual([16, 17, 18, 19, 20]);
      expect((await store.getConversation(appId, c.id))?.updatedAt).toBe(now + 1_000);
    });

    it('keeps a message whole: author, text, image and buttons', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const buttons = [
        { type: 'postback' as const, title: 'Yes', payload: 'YES' },
        { type: 'web_url' as const, title: 'Site', url: 'https://shop.example' },
      ];
      const m = await store.appendMessage(
        message(c.id, { author: 'bot', image: 'https://img.example/a.png', buttons }),
      );
      expect(await store.getMessage(appId, c.id, m?.id ?? '')).toEqual(m);
      expect(m).toMatchObject({ author: 'bot', sequence: 1, buttons, verification: null });
    });

    it('keeps the verification a message delivered, with hidden buttons as given', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const buttons = [
        {
          type: 'postback' as const,
          title: 'Approve',
          payload: '482913.5f2a',
          payloadHidden: true,
          payloadSeenByUser: 'Approved',
        },
      ];
      const verification = {
        verificationId: 'ver_1',
        code: '482913',
        diyalog: { messageId: 'order-42', customerNo: c.id },
      };
      const m = await store.appendMessage(
        message(c.id, { author: 'bot', text: 'Your code', buttons, verification }),
      );
      expect(m).toMatchObject({ buttons, verification });
      expect(await store.getMessage(appId, c.id, m?.id ?? '')).toEqual(m);
      expect((await store.listMessages(appId, c.id, 0, 10))[0]).toEqual(m);
    });

    it("gives another app's id nothing: no conversation, message, append or status change (I5)", async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const m = await store.appendMessage(message(c.id));
      expect(await store.getConversation(otherAppId, c.id)).toBeUndefined();
      expect(await store.listConversations(otherAppId, { limit: 10 })).toEqual([]);
      expect(await store.listMessages(otherAppId, c.id, 0, 10)).toEqual([]);
      expect(await store.getMessage(otherAppId, c.id, m?.id ?? '')).toBeUndefined();
      expect(
        await store.appendMessage(message(c.id, { id: 'cmsg_x', appId: otherAppId })),
      ).toBeUndefined();
      expect(
        await store.changeConversationStatus(otherAppId, c.id, ['bot'], 'waiting', now),
      ).toBeUndefined();
      expect((await store.getConversation(appId, c.id))?.status).toBe('bot');
    });

    it('closes a conversation once, its system message last, and appends nothing after', async () => {
      const { conversation: c } = await store.openConversation(conversation({ status: 'agent' }));
      await store.appendMessage(message(c.id));
      const closing = (i: number) =>
        store.closeConversation(
          message(c.id, { id: `cmsg_close_${i}`, author: 'system', text: 'closed' }),
        );
      const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => closing(i)));
      const won = outcomes.filter((o) => o !== undefined);
      expect(won).toHaveLength(1);
      expect(won[0]?.conversation).toMatchObject({ status: 'closed', updatedAt: now + 1_000 });
      expect(won[0]?.message).toMatchObject({ author: 'system', text: 'closed', sequence: 2 });
      expect(await store.appendMessage(message(c.id, { id: 'cmsg_late' }))).toBeUndefined();
      const all = await store.listMessages(appId, c.id, 0, 10);
      expect(all.map((m) => [m.sequence, m.author])).toEqual([
        [1, 'visitor'],
        [2, 'system'],
      ]);
      expect((await store.getConversation(appId, c.id))?.status).toBe('closed');
      // Another app's id closes nothing (I5).
      const { conversation: mine } = await store.openConversation(conversation({ phone: null }));
      expect(
        await store.closeConversation(message(mine.id, { appId: otherAppId, author: 'system' })),
      ).toBeUndefined();
      expect((await store.getConversation(appId, mine.id))?.status).toBe('bot');
    });

    it('changes a status only from the statuses named', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const moved = await store.changeConversationStatus(appId, c.id, ['bot'], 'waiting', now + 9);
      expect(moved).toMatchObject({ status: 'waiting', updatedAt: now + 9 });
      expect(
        await store.changeConversationStatus(appId, c.id, ['bot'], 'waiting', now),
      ).toBeUndefined();
    });

    it('lists newest first with status and phone filters and cursor pages', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const c = conversation({ phone: `+90555123450${i}` });
        ids.push(c.id);
        await store.openConversation(c);
      }
      await store.changeConversationStatus(appId, ids[1] as string, ['bot'], 'waiting', now);
      const page1 = await store.listConversations(appId, { limit: 2 });
      expect(page1.map((c) => c.id)).toEqual([ids[4], ids[3]]);
      const page2 = await store.listConversations(appId, { limit: 2, before: ids[3] });
      expect(page2.map((c) => c.id)).toEqual([ids[2], ids[1]]);
      const waiting = await store.listConversations(appId, { limit: 10, status: 'waiting' });
      expect(waiting.map((c) => c.id)).toEqual([ids[1]]);
      const byPhone = await store.listConversations(appId, { limit: 10, phone: '+905551234502' });
      expect(byPhone.map((c) => c.id)).toEqual([ids[2]]);
    });

    it('finds a session only while unrevoked and unexpired, and revokes it once', async () => {
      const { conversation: c } = await store.openConversation(conversation());
      const session = {
        id: 'ses_1',
        appId,
        conversationId: c.id,
        tokenHash: 'hash-1',
        expiresAt: now + 60_000,
        revokedAt: null,
      };
      await store.createSession(session);
      expect(await store.findSession(appId, 'hash-1', now)).toEqual(session);
      expect(await store.findSession(otherAppId, 'hash-1', now)).toBeUndefined();
      expect(await store.findSession(appId, 'hash-1', now + 60_000)).toBeUndefined();
      expect(await store.revokeSession(otherAppId, 'hash-1', now)).toBe(false);
      expect(await store.revokeSession(appId, 'hash-1', now)).toBe(true);
      expect(await store.revokeSession(appId, 'hash-1', now)).toBe(false);
      expect(await store.findSession(appId, 'hash-1', now)).toBeUndefined();
    });
  });
}
