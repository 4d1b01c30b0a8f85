import type { ConversationMessage } from './conversation-store.ts';

/**
 * What a wake-up names: the conversation and the sequence of its new message. Never the
 * message's text or the visitor's phone — those stay in the store, read by whoever listens.
 */
export type ConversationNotice = Pick<ConversationMessage, 'appId' | 'conversationId' | 'sequence'>;

/**
 * Tells the pages connected to a conversation that it has a new message. A notification is
 * a wake-up, not the record: a listener reads the store from the last sequence it sent, so
 * a lost or repeated notification costs a read, never a message. The in-process adapter
 * reaches pages connected to this instance; the Redis one every instance of a cluster.
 */
export interface ConversationEvents {
  /**
   * Wakes the conversation's listeners in this process at once (before it returns) and, on
   * a shared bus, those of the other instances. Never throws: a bus that is down costs the
   * other instances' pages a wake-up, which their reconnect (`Last-Event-ID`) makes good.
   */
  publish(notice: ConversationNotice): void;
  /**
   * Calls `listener` whenever the conversation may have new messages: after each publish,
   * and after the bus comes back from an outage (something may have been missed). Returns
   * the unsubscribe.
   */
  subscribe(appId: string, conversationId: string, listener: () => void): () => void;
  /**
   * Calls `listener` with every notice of any conversation of the app, here and on the other
   * instances, and with `null` after the bus comes back from an outage (anything of the app
   * may have been missed). For the console's inbox, which follows all of an app's
   * conversations. Returns the unsubscribe.
   */
  subscribeApp(appId: string, listener: (notice: ConversationNotice | null) => void): () => void;
  /** Closes the bus's connections; the owner of the adapter calls it on shutdown. */
  close(): Promise<void>;
}
