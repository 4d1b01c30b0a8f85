import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type {
  ConversationMessage,
  ConversationRecord,
  ConversationStatus,
  InboxFilter,
} from '../../messenger/conversation-store.ts';
import { createInboxStream, RESUME_MARGIN_MS } from '../http/console-inbox-stream.ts';

/** Conversations and messages in memory, read as the stream reads the service. */
function fakeConversations() {
  const conversations = new Map<string, ConversationRecord>();
  const messages: ConversationMessage[] = [];
  const sweeps: InboxFilter[] = [];
  return {
    sweeps,
    put(c: Partial<ConversationRecord> & { id: string; status: ConversationStatus }) {
      const old = conversations.get(c.id);
      conversations.set(c.id, {
        appId: 'app_a',
        phone: '+905551112233',
        name: 'Ada',
        email: null,
        locale: 'en',
        agentId: null,
        lastSequence: old?.lastSequence ?? 0,
        createdAt: 0,
        updatedAt: 0,
        ...old,
        ...c,
      });
    },
    say(conversationId: string, text: string, at: number) {
      const c = conversations.get(conversationId) as ConversationRecord;
      const sequence = c.lastSequence + 1;
      conversations.set(conversationId, { ...c, lastSequence: sequence, updatedAt: at });
      messages.push({
        id: `cmsg_${conversationId}_${sequence}`,
        appId: c.appId,
        conversationId,
        sequence,
        author: 'visitor',
        text,
        image: null,
        buttons: [],
        verification: null,
        createdAt: at,
      });
      return { appId: c.appId, conversationId, sequence };
    },
    service: {
      async mustGet(_appId: string, id: string) {
        const c = conversations.get(id);
        if (!c) throw new OtpdError('conversation_not_found', id);
        return c;
      },
      async messages(_appId: string, id: string, after: number, limit: number) {
        return messages
          .filter((m) => m.conversationId === id && m.sequence > after)
          .slice(0, limit);
      },
      async inbox(appIds: readonly string[], filter: InboxFilter) {
        sweeps.push(filter);
        return [...conversations.values()]
          .filter((c) => appIds.includes(c.appId) && filter.statuses.includes(c.status))
          .filter((c) => c.updatedAt >= (filter.updatedSince ?? 0))
          .sort((a, b) => b.id.localeCompare(a.id));
      },
    },
  };
}

function open(store: ReturnType<typeof fakeConversations>, clock = createFakeClock()) {
  const frames: string[] = [];
  const stream = createInboxStream(
    {
      conversations: store.service,
      emails: async () => new Map([['adm_1', 'a@x.example']]),
      clock,
    },
    ['app_a'],
    (frame) => frames.push(frame),
  );
  const events = () =>
    frames
      .filter((f) => f.includes('\nevent: '))
      .map((f) => {
        const [, name = ''] = /event: (\w+)/.exec(f) ?? [];
        const data = JSON.parse(f.slice(f.indexOf('data: ') + 6));
        return name === 'message' ? [name, data.text] : [name, data.status, data.agent?.email];
      });
  return { stream, frames, events, clock };
}

describe("the console's inbox stream", () => {
  it('follows a conversation from the handover to its hand back, and none of the bot’s chats', async () => {
    const store = fakeConversations();
    const { stream, events } = open(store);
    // Each step runs before the next change, as notices arrive one by one.
    const wake = async (notice: Parameters<typeof stream.wake>[0]) => {
      stream.wake(notice);
      await stream.settled();
    };
    store.put({ id: 'conv_bot', status: 'bot' });
    await wake(store.say('conv_bot', 'just the bot', 1));
    store.put({ id: 'conv_1', status: 'bot' });
    store.say('conv_1', 'earlier, with the bot', 1);
    store.put({ id: 'conv_1', status: 'waiting' });
    await wake(store.say('conv_1', 'handover', 2));
    store.put({ id: 'conv_1', status: 'agent', agentId: 'adm_1' });
    await wake(store.say('conv_1', 'taken', 3));
    await wake(store.say('conv_1', 'hello', 4));
    store.put({ id: 'conv_1', status: 'bot', agentId: null });
    await wake(store.say('conv_1', 'handed_back', 5));
    await wake(store.say('conv_1', 'the bot again', 6));
    expect(events()).toEqual([
      ['conversation', 'waiting', undefined],
      ['message', 'handover'],
      ['conversation', 'agent', 'a@x.example'],
      ['message', 'taken'],
      ['message', 'hello'],
      ['conversation', 'bot', undefined],
      ['message', 'handed_back'],
    ]);
  });

  it('tells the page when a conversation it listed for itself leaves the inbox', async () => {
    const store = fakeConversations();
    store.put({ id: 'conv_listed', status: 'waiting' });
    store.say('conv_listed', 'handover', 1);
    const { stream, events } = open(store);
    await stream.settled();
    // Handed back and closed so fast that the stream reads it only when it is no one's.
    store.put({ id: 'conv_listed', status: 'agent', agentId: 'adm_1' });
    stream.wake(store.say('conv_listed', 'taken', 2));
    store.put({ id: 'conv_listed', status: 'closed', agentId: null });
    stream.wake(store.say('conv_listed', 'closed', 3));
    await stream.settled();
    expect(events()).toEqual([
      ['conversation', 'closed', undefined],
      ['message', 'taken'],
      ['message', 'closed'],
    ]);
  });

  it('reads again from shortly before the last notice when the bus says something was missed', async () => {
    const store = fakeConversations();
    const clock = createFakeClock();
    const { stream, events } = open(store, clock);
    await stream.settled();
    store.put({ id: 'conv_1', status: 'waiting' });
    stream.wake(store.say('conv_1', 'handover', clock.now()));
    await stream.settled();
    clock.advance(10 * 60_000);
    // Missed while the bus was down: a new conversation, and a message of the one followed.
    store.put({ id: 'conv_2', status: 'waiting' });
    store.say('conv_2', 'handover', clock.now());
    store.say('conv_1', 'are you there?', clock.now());
    const heard = clock.now() - 10 * 60_000;
    stream.wake(null);
    await stream.settled();
    expect(store.sweeps.at(-1)?.updatedSince).toBe(heard - RESUME_MARGIN_MS);
    expect(events()).toEqual([
      ['conversation', 'waiting', undefined],
      ['message', 'handover'],
      // Every conversation changed since, oldest first; the one followed goes on from its
      // last message.
      ['conversation', 'waiting', undefined],
      ['message', 'are you there?'],
      ['conversation', 'waiting', undefined],
      ['message', 'handover'],
    ]);
  });

  it('gives every event and heartbeat the time its step began, as the id to resume from', async () => {
    const store = fakeConversations();
    const clock = createFakeClock();
    const { stream, frames } = open(store, clock);
    await stream.settled();
    store.put({ id: 'conv_1', status: 'waiting' });
    clock.advance(5_000);
    stream.wake(store.say('conv_1', 'handover', clock.now()));
    await stream.settled();
    clock.advance(5_000);
    stream.heartbeat();
    await stream.settled();
    const ids = frames.map((f) => /^(?:: ping\n)?id: (\d+)/.exec(f)?.[1]);
    expect(ids).toEqual([
      String(clock.now() - 5_000),
      String(clock.now() - 5_000),
      String(clock.now()),
    ]);
    expect(frames.at(-1)).toBe(`: ping\nid: ${clock.now()}\n\n`);
  });
});
