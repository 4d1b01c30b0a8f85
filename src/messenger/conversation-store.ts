/**
 * Where the web messenger keeps its conversations, their messages and the visitors'
 * sessions. Every record carries its app id and every method is scoped by it (I5): another
 * app's id finds nothing. Each method that decides does so atomically — one conditional
 * statement or one transaction — and says so.
 */

export const CONVERSATION_STATUSES = ['bot', 'waiting', 'agent', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const MESSAGE_AUTHORS = ['visitor', 'bot', 'agent', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export interface ConversationRecord {
  id: string;
  appId: string;
  status: ConversationStatus;
  /** The verified phone number (E.164); null when the messenger asks for no code. */
  phone: string | null;
  name: string | null;
  email: string | null;
  /** The locale the visitor's texts were chosen in. */
  locale: string;
  /**
   * The console admin who took the conversation (their id) while its status is `agent`;
   * null in every other status, and when an agent's message through the conversations API
   * took it over.
   */
  agentId: string | null;
  /** The sequence of its newest message; 0 before the first. */
  lastSequence: number;
  createdAt: number;
  updatedAt: number;
}

/** A conversation as the gate opens it: no agent, no messages yet. */
export type NewConversation = Omit<ConversationRecord, 'agentId' | 'lastSequence'>;

/**
 * A button under a message, in the shapes of Diyalog's sendmok API. A postback that came
 * through sendmok may be hidden: its payload is then signed (see domain/diyalog-signing.ts)
 * and the visitor is shown only its title, never the payload.
 */
export type ChatButton =
  | {
      type: 'postback';
      title: string;
      payload: string;
      payloadHidden?: boolean;
      /** What the chat shows as the visitor's answer when pressed; default the title. */
      payloadSeenByUser?: string | null;
    }
  | { type: 'web_url'; title: string; url: string };

/**
 * The verification a message was delivered for (the `messenger` channel's web messenger
 * provider): the code it carries, as an SMS would, and for a Diyalog sendmok message what
 * its button presses are reported under.
 */
export interface MessageVerification {
  verificationId: string;
  /** The code the message carries; null for a chat message sent without one. */
  code: string | null;
  /** Diyalog's message id and recipient: presses go through Diyalog's postback path. */
  diyalog: { messageId: string; customerNo: string } | null;
}

export interface ConversationMessage {
  id: string;
  appId: string;
  conversationId: string;
  /**
   * The message's place in its conversation: 1, 2, 3 … with no gap or repeat, given by the
   * store. What `Last-Event-ID` names when a page reconnects.
   */
  sequence: number;
  author: MessageAuthor;
  text: string | null;
  /** An image URL shown with the message. */
  image: string | null;
  buttons: ChatButton[];
  /** Set on a message that delivered a verification; null on every other. */
  verification: MessageVerification | null;
  createdAt: number;
}

export type NewConversationMessage = Omit<ConversationMessage, 'sequence'>;

export interface MessengerSession {
  id: string;
  appId: string;
  conversationId: string;
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  tokenHash: string;
  expiresAt: number;
  revokedAt: number | null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  phone?: string;
  /** Only conversations whose id sorts before this one (the previous page's last id). */
  before?: string;
  limit: number;
}

/** Conversations of several apps at once, as the console's inbox reads them. */
export interface InboxFilter {
  statuses: readonly ConversationStatus[];
  /** Only conversations whose id sorts before this one (the previous page's last id). */
  before?: string;
  /** Only conversations changed (a message, a status) at or after this time. */
  updatedSince?: number;
  limit: number;
}

export interface ConversationStore {
  /**
   * Inserts `conversation`, unless the app already has an open (not closed) conversation
   * with the same phone: then that one is returned and nothing is written. One statement
   * under a unique index, so concurrent opens for one phone end in one conversation. A
   * conversation without a phone is always inserted.
   */
  openConversation(
    conversation: NewConversation,
  ): Promise<{ conversation: ConversationRecord; created: boolean }>;
  getConversation(appId: string, id: string): Promise<ConversationRecord | undefined>;
  /** Newest first, by id (ids sort by creation time). */
  listConversations(appId: string, filter: ConversationFilter): Promise<ConversationRecord[]>;
  /**
   * Conversations of any of `appIds` (none when the list is empty), newest first by id. One
   * query; each row still answers only to its own app id.
   */
  listInbox(appIds: readonly string[], filter: InboxFilter): Promise<ConversationRecord[]>;
  /**
   * Moves a conversation to `to` in one conditional UPDATE, only while its status is one of
   * `from`; undefined when it was not (nothing written) or there is no such conversation.
   * It clears `agentId`: a conversation moved this way is no console agent's.
   */
  changeConversationStatus(
    appId: string,
    id: string,
    from: readonly ConversationStatus[],
    to: ConversationStatus,
    now: number,
  ): Promise<ConversationRecord | undefined>;
  /**
   * Gives a `bot` or `waiting` conversation to the console agent `agentId` (status `agent`)
   * in one conditional UPDATE, so of concurrent takes exactly one succeeds. Undefined (nothing
   * written) when it is in another status, held already included, or does not exist.
   */
  takeConversation(
    appId: string,
    id: string,
    agentId: string,
    now: number,
  ): Promise<ConversationRecord | undefined>;
  /**
   * Hands a conversation `agentId` holds back to the bot (status `bot`, no agent) in one
   * conditional UPDATE; undefined (nothing written) when that agent does not hold it.
   */
  releaseConversation(
    appId: string,
    id: string,
    agentId: string,
    now: number,
  ): Promise<ConversationRecord | undefined>;
  /**
   * Appends a message in one transaction: takes the conversation's next sequence number
   * (its row is updated first, so concurrent appends to one conversation are serialised
   * and never share a number), touches its `updatedAt` and inserts the message. Undefined
   * when the app has no such conversation or it is closed: the same conditional UPDATE
   * decides, so nothing is ever appended after a close. With `heldBy`, the same UPDATE also
   * requires that this console agent holds the conversation (status `agent`).
   */
  appendMessage(
    message: NewConversationMessage,
    heldBy?: string,
  ): Promise<ConversationMessage | undefined>;
  /**
   * Closes the conversation and appends `message` (the system's record of the close) in one
   * transaction, from any status but `closed`: one conditional UPDATE moves the status and
   * takes the message's sequence, so of concurrent closes exactly one succeeds, and the
   * message is the conversation's last. With `agentId`, the same UPDATE also requires that no
   * one else holds it (its status is not `agent`, or `agent` held by `agentId`). Undefined
   * when there is no such conversation it may close.
   */
  closeConversation(
    message: NewConversationMessage,
    agentId?: string,
  ): Promise<{ conversation: ConversationRecord; message: ConversationMessage } | undefined>;
  /** Messages with a sequence above `after`, oldest first, at most `limit`. */
  listMessages(
    appId: string,
    conversationId: string,
    after: number,
    limit: number,
  ): Promise<ConversationMessage[]>;
  getMessage(
    appId: string,
    conversationId: string,
    id: string,
  ): Promise<ConversationMessage | undefined>;
  createSession(session: MessengerSession): Promise<void>;
  /** The session with this token hash, only while unrevoked and unexpired at `now`. */
  findSession(appId: string, tokenHash: string, now: number): Promise<MessengerSession | undefined>;
  /** Revokes the session in one conditional UPDATE; true when this call revoked it. */
  revokeSession(appId: string, tokenHash: string, now: number): Promise<boolean>;
}
