import type { ConversationMessage } from './conversation-store.ts';

/**
 * Tells the pages connected to a conversation that it has a new message. A notification is
 * a wake-up, not the record: a listener reads the store from the last sequence it sent, so
 * a lost or repeated notification costs a read, never a message. The in-process adapter
 * reaches pages connected to this instance; a cluster needs one over Redis or PostgreSQL.
 */
export interface ConversationEvents {
  publish(message: ConversationMessage): void;
  /** Calls `listener` for each message published to the conversation; returns the unsubscribe. */
  subscribe(
    appId: string,
    conversationId: string,
    listener: (message: ConversationMessage) => void,
  ): () => void;
}
