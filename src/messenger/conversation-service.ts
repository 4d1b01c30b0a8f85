import type { DiyalogPostbacks } from '../dialects/diyalog-postbacks.ts';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { VerificationService } from '../verification/verifications.ts';
import { createAgentDesk } from './agent-desk.ts';
import type { BotEvent, BotRelay } from './bot-relay.ts';
import { createAppend, type MessageContent } from './conversation-append.ts';
import type { ConversationEvents } from './conversation-events.ts';
import type {
  ConversationFilter,
  ConversationMessage,
  ConversationRecord,
  ConversationStore,
  InboxFilter,
  MessageAuthor,
} from './conversation-store.ts';
import type { MessengerSettings } from './domain/messenger-settings.ts';

export interface ConversationServiceDeps {
  conversations: ConversationStore;
  events: ConversationEvents;
  relay: BotRelay;
  messengerFor: (appId: string) => Promise<MessengerSettings>;
  /** Presses on the buttons of a message sent through Diyalog's sendmok go this way. */
  diyalog: Pick<DiyalogPostbacks, 'press'>;
  /** Checks the code a visitor confirms under a message that delivered one. */
  verifications: Pick<VerificationService, 'check'>;
  clock: Clock;
  logger: Logger;
}

export type { MessageContent };

/** Which postback button a visitor pressed: its place under the message, or its payload. */
export type ButtonChoice = { button: number } | { payload: string };

/**
 * Conversations after the gate: messages from the visitor, the bot and agents, each stored
 * with its sequence and announced to connected pages; the handover to a person; the events
 * relayed to the app's bot while the bot has the conversation.
 */
export function createConversationService(deps: ConversationServiceDeps) {
  const { conversations, events, relay, clock, logger } = deps;
  const inFlight = new Set<Promise<void>>();

  async function mustGet(appId: string, id: string): Promise<ConversationRecord> {
    const c = await conversations.getConversation(appId, id);
    if (!c) throw new OtpdError('conversation_not_found', `no conversation ${id}`);
    return c;
  }

  const appendOrUndefined = createAppend({ conversations, events, clock });
  async function append(
    c: ConversationRecord,
    author: MessageAuthor,
    content: MessageContent,
  ): Promise<ConversationMessage> {
    const message = await appendOrUndefined(c, author, content);
    if (!message) {
      // The store refuses to append to a closed conversation: say which it was.
      await mustGet(c.appId, c.id);
      throw new OtpdError('conversation_closed', 'the conversation is closed: start a new chat');
    }
    return message;
  }

  async function mustGetMessage(c: ConversationRecord, messageId: string) {
    const message = await conversations.getMessage(c.appId, c.id, messageId);
    if (!message) {
      throw new OtpdError('conversation_message_not_found', `no message ${messageId} in this chat`);
    }
    return message;
  }

  /**
   * Sends the event to the bot after the response: a slow bot never holds up the visitor.
   * Its answer becomes bot messages; failures are logged by the relay.
   */
  function toBot(event: BotEvent): void {
    const c = event.conversation;
    const run = (async () => {
      const { bot } = await deps.messengerFor(c.appId);
      const replies = await relay(bot, event);
      // A closed conversation takes no more messages: the bot's answer to its close is dropped.
      if (event.type === 'conversation.closed') return;
      for (const reply of replies) await append(c, 'bot', reply);
    })()
      .catch((error) => {
        if (error instanceof OtpdError && error.code === 'conversation_closed') {
          logger.info({ conversationId: c.id }, 'bot answered after the conversation closed');
        } else logger.error({ err: error, conversationId: c.id }, 'bot relay failed');
      })
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  }

  const open = (c: ConversationRecord) => {
    if (c.status === 'closed') throw new OtpdError('conversation_closed', 'start a new chat');
  };

  /**
   * Closes the conversation with a `closed` system message, wakes its pages and tells the
   * bot; with `agentId`, only while no other agent holds it. Undefined when it may not close.
   */
  async function closeIf(appId: string, id: string, agentId?: string) {
    const now = clock.now();
    const done = await conversations.closeConversation(
      {
        id: newId('cmsg', now),
        appId,
        conversationId: id,
        author: 'system',
        text: 'closed',
        image: null,
        buttons: [],
        verification: null,
        createdAt: now,
      },
      agentId,
    );
    if (!done) return undefined;
    events.publish(done.message);
    toBot({ type: 'conversation.closed', conversation: done.conversation });
    return done.conversation;
  }

  return {
    mustGet,

    list: (appId: string, filter: ConversationFilter) =>
      conversations.listConversations(appId, filter),

    /** Conversations of several apps at once (the console's inbox), newest first. */
    inbox: (appIds: readonly string[], filter: InboxFilter) =>
      conversations.listInbox(appIds, filter),

    /** What a console agent does: take, write, hand back to the bot, close. */
    desk: createAgentDesk({
      conversations,
      append: appendOrUndefined,
      close: closeIf,
      toBot,
      clock,
    }),

    /** Messages after `after`, oldest first; 404 for a conversation the app does not have. */
    async messages(appId: string, id: string, after: number, limit: number) {
      await mustGet(appId, id);
      return conversations.listMessages(appId, id, after, limit);
    },

    /** A new conversation: the bot hears `conversation.started`. */
    started(c: ConversationRecord): void {
      toBot({ type: 'conversation.started', conversation: c });
    },

    /** A visitor's message; relayed to the bot while the bot has the conversation. */
    async fromVisitor(c: ConversationRecord, text: string): Promise<ConversationMessage> {
      open(c);
      const message = await append(c, 'visitor', { text });
      if (c.status === 'bot') toBot({ type: 'conversation.message', conversation: c, message });
      return message;
    },

    /**
     * A press on a postback button of one of the conversation's messages: the chat shows the
     * visitor's answer; a message sent through Diyalog's sendmok reports it to the app's
     * Diyalog webhook as `[messageId]:payload` (a press of the code approves), any other
     * tells the bot.
     */
    async postback(c: ConversationRecord, messageId: string, choice: ButtonChoice) {
      open(c);
      const pressed = await conversations.getMessage(c.appId, c.id, messageId);
      const postbacks = pressed?.buttons.filter((b) => b.type === 'postback') ?? [];
      const button =
        'button' in choice
          ? postbacks[choice.button]
          : postbacks.find((b) => b.payload === choice.payload);
      if (!pressed || !button) {
        throw new OtpdError(
          'conversation_message_not_found',
          'no message of this conversation has that postback button',
        );
      }
      const message = await append(c, 'visitor', {
        text: button.payloadSeenByUser ?? button.title,
      });
      const diyalog = pressed.verification?.diyalog;
      if (diyalog) {
        await deps.diyalog.press(c.appId, { ...diyalog, payload: button.payload });
        return message;
      }
      toBot({
        type: 'conversation.postback',
        conversation: c,
        message,
        postback: { messageId, payload: button.payload },
      });
      return message;
    },

    /**
     * The visitor confirms the code a message delivered: a check of its verification like
     * any other (attempts and failed-check limits apply), its outcome a value.
     */
    async confirmCode(c: ConversationRecord, messageId: string, code: string, ip?: string) {
      open(c);
      const delivered = (await mustGetMessage(c, messageId)).verification;
      if (!delivered || delivered.code === null) {
        throw new OtpdError('conversation_message_not_found', 'this message carries no code');
      }
      return deps.verifications.check(c.appId, delivered.verificationId, code, { clientIp: ip });
    },

    /**
     * A message the app writes as the bot or an agent. An agent's first message takes the
     * conversation over (bot or waiting → agent).
     */
    async fromApp(
      appId: string,
      id: string,
      author: 'bot' | 'agent',
      content: MessageContent,
    ): Promise<ConversationMessage> {
      const c = await mustGet(appId, id);
      open(c);
      if (author === 'agent' && c.status !== 'agent') {
        await conversations.changeConversationStatus(
          appId,
          id,
          ['bot', 'waiting'],
          'agent',
          clock.now(),
        );
      }
      return append(c, author, content);
    },

    /** Hands the conversation to a person: bot → waiting; already with people, unchanged. */
    async handover(appId: string, id: string): Promise<ConversationRecord> {
      const c = await mustGet(appId, id);
      open(c);
      if (c.status !== 'bot') return c;
      const moved = await conversations.changeConversationStatus(
        appId,
        id,
        ['bot'],
        'waiting',
        clock.now(),
      );
      if (moved) await append(moved, 'system', { text: 'handover' });
      return moved ?? mustGet(appId, id);
    },

    /**
     * Ends the conversation, whoever asks (the app, or the visitor from the page): a `closed`
     * system message tells the page, and the bot hears `conversation.closed`. 409 when it
     * is closed already; afterwards every message to it answers 409.
     */
    async close(appId: string, id: string): Promise<ConversationRecord> {
      const closed = await closeIf(appId, id);
      if (!closed) {
        await mustGet(appId, id);
        throw new OtpdError('conversation_closed', 'the conversation is closed already');
      }
      return closed;
    },

    /** Resolves when every bot relay under way has finished. */
    async drain(): Promise<void> {
      await Promise.all([...inFlight]);
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
