import type { ChatButton } from '../verification/domain/chat-message.ts';

/** A message for an open web messenger conversation, as the `messenger` channel delivers it. */
export interface InboxMessage {
  appId: string;
  verificationId: string;
  /** The conversation's id, or the verified phone (E.164) of the app's open conversation. */
  to: string;
  text: string;
  /** The code the message carries, as an SMS would; null when it carries none. */
  code: string | null;
  imageUrl: string | null;
  /** In Diyalog's shapes; hidden payloads already signed. */
  buttons: ChatButton[];
  /** The app's message id when it wrote the message through Diyalog's sendmok. */
  diyalogMessageId: string | null;
}

export type InboxOutcome =
  | { delivered: true; messageId: string }
  | { delivered: false; reason: 'unknown_conversation' | 'conversation_closed' };

/** Where the web messenger takes messages the `messenger` channel sends to its chats. */
export interface ConversationInbox {
  /**
   * Appends `message` as the bot's to the conversation `to` names and wakes the pages
   * connected to it; the app's bot is not told of its own message. One append (the store's
   * `appendMessage` guarantee); nothing is written when the conversation is unknown to the
   * app or closed.
   */
  deliver(message: InboxMessage): Promise<InboxOutcome>;
}
