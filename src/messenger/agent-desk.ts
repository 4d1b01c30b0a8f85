import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import type { BotEvent } from './bot-relay.ts';
import type { MessageContent } from './conversation-append.ts';
import type {
  ConversationMessage,
  ConversationRecord,
  ConversationStore,
  MessageAuthor,
} from './conversation-store.ts';

/**
 * The `system` messages that tell the chat (and the console) who has it now: a person took
 * it from the queue, or handed it back to the bot.
 */
export const TAKEN = 'taken';
export const HANDED_BACK = 'handed_back';

export interface AgentDeskDeps {
  conversations: Pick<
    ConversationStore,
    'getConversation' | 'takeConversation' | 'releaseConversation'
  >;
  append: (
    c: { appId: string; id: string },
    author: MessageAuthor,
    content: MessageContent,
    heldBy?: string,
  ) => Promise<ConversationMessage | undefined>;
  /** Closes unless another agent holds it: the system message, the pages, the bot are told. */
  close: (appId: string, id: string, agentId: string) => Promise<ConversationRecord | undefined>;
  /** Tells the bot after the response; its answer becomes bot messages. */
  toBot: (event: BotEvent) => void;
  clock: Clock;
}

/**
 * What a console agent does with a conversation: takes it from the queue, writes in it, hands
 * it back to the bot, closes it. Each step is decided by one conditional statement of the
 * store, so of two agents taking one conversation exactly one gets it, and only the agent
 * holding a conversation writes in it or hands it back. A refusal says why, read afterwards.
 */
export function createAgentDesk(deps: AgentDeskDeps) {
  const { conversations, append, clock } = deps;

  /** Why `agentId` may not do what it asked; read after the store refused. */
  async function refusal(appId: string, id: string, agentId: string): Promise<OtpdError> {
    const c = await conversations.getConversation(appId, id);
    if (!c) return new OtpdError('conversation_not_found', `no conversation ${id}`);
    if (c.status === 'closed') {
      return new OtpdError('conversation_closed', 'the conversation is closed');
    }
    if (c.status === 'agent' && c.agentId !== agentId) {
      return new OtpdError(
        'conversation_taken',
        c.agentId === null
          ? 'an agent answers this conversation through the conversations API'
          : 'another agent has taken this conversation',
      );
    }
    return new OtpdError('conversation_not_taken', 'take the conversation first');
  }

  return {
    /**
     * `bot` or `waiting` → `agent`, held by `agentId`, with a `taken` system message. Taking a
     * conversation one holds already changes nothing (`taken: false`).
     */
    async take(
      appId: string,
      id: string,
      agentId: string,
    ): Promise<{ conversation: ConversationRecord; taken: boolean }> {
      const moved = await conversations.takeConversation(appId, id, agentId, clock.now());
      if (!moved) {
        const c = await conversations.getConversation(appId, id);
        if (c?.status === 'agent' && c.agentId === agentId)
          return { conversation: c, taken: false };
        throw await refusal(appId, id, agentId);
      }
      const told = await append(moved, 'system', { text: TAKEN });
      return {
        conversation: { ...moved, lastSequence: told?.sequence ?? moved.lastSequence },
        taken: true,
      };
    },

    /** The agent's message, only while they hold the conversation. */
    async write(appId: string, id: string, agentId: string, text: string) {
      const message = await append({ appId, id }, 'agent', { text }, agentId);
      if (!message) throw await refusal(appId, id, agentId);
      return message;
    },

    /**
     * `agent` → `bot`, only by the agent holding it: a `handed_back` system message tells the
     * visitor, and the bot hears `conversation.handed_back` (its answer is shown).
     */
    async handBack(appId: string, id: string, agentId: string): Promise<ConversationRecord> {
      const moved = await conversations.releaseConversation(appId, id, agentId, clock.now());
      if (!moved) throw await refusal(appId, id, agentId);
      const told = await append(moved, 'system', { text: HANDED_BACK });
      deps.toBot({ type: 'conversation.handed_back', conversation: moved });
      return { ...moved, lastSequence: told?.sequence ?? moved.lastSequence };
    },

    /** Closes the conversation unless another agent holds it. */
    async close(appId: string, id: string, agentId: string): Promise<ConversationRecord> {
      const closed = await deps.close(appId, id, agentId);
      if (!closed) throw await refusal(appId, id, agentId);
      return closed;
    },
  };
}

export type AgentDesk = ReturnType<typeof createAgentDesk>;
