import type { MessageStats } from '../analytics/analytics-ports.ts';
import type { Channel } from '../kernel/recipients.ts';
import type {
  MessageEvent,
  MessagePrice,
  MessageStatus,
} from '../receipts/domain/message-status.ts';

export {
  MESSAGE_STATUSES,
  type MessageEvent,
  type MessagePrice,
  type MessageStatus,
} from '../receipts/domain/message-status.ts';

/**
 * One provider attempt to deliver one message. Holds neither the code nor the message body
 * (I1, I6: the body contains the code). `to` is the destination as the verification stored
 * it (E.164, or a lower-cased email), unmasked: the log is for the app's admins, who must be
 * able to search it by destination, so its store is secured like the main one.
 */
export interface MessageLogEntry {
  id: string;
  appId: string;
  verificationId: string;
  channel: Channel;
  to: string;
  /** ISO 3166 country of a phone destination; null for email and unknown numbers. */
  country: string | null;
  /** The provider's name in the app's settings (`sandbox`, `gw-a`, …). */
  provider: string;
  providerMessageId: string | null;
  /** The furthest status of `timeline` (a late `sent` after `delivered` leaves `delivered`). */
  status: MessageStatus;
  /** Oldest first; starts with the attempt's own outcome. */
  timeline: MessageEvent[];
  /** How long the provider call took, in milliseconds. */
  latencyMs: number;
  /** The provider's stable error code of the newest failure; null when none failed. */
  errorCode: string | null;
  /** The newest price a receipt reported; null when the provider reports none. */
  price: MessagePrice | null;
  txCode: string | null;
  deviceId: string | null;
  messageId: string | null;
  createdAt: number;
}

/** What the dispatcher knows right after an attempt. */
export type MessageAttempt = Omit<MessageLogEntry, 'timeline' | 'status' | 'price'> & {
  status: 'sent' | 'failed';
};

/** Every field narrows the list; all given must match. Times are epoch milliseconds. */
export interface MessageFilters {
  txCode?: string;
  deviceId?: string;
  /** The app's own `messageId` of the verification. */
  messageId?: string;
  verificationId?: string;
  to?: string;
  /** ISO 3166 country of a phone destination. */
  country?: string;
  status?: MessageStatus;
  channel?: Channel;
  provider?: string;
  /** Created at or after. */
  from?: number;
  /** Created before. */
  until?: number;
}

/** Where a page ends: the last entry's sort key (newest first by createdAt, then id). */
export interface MessageCursor {
  createdAt: number;
  id: string;
}

export interface MessagePage {
  entries: MessageLogEntry[];
  /** Null on the last page. */
  nextCursor: MessageCursor | null;
}

/**
 * The message log: its own store, apart from live verifications, so it can be retained,
 * secured and analysed on its own terms. Every read takes the app id (I5).
 */
export interface MessageLog extends MessageStats {
  /** Brings the log's own schema up to date (a migration history apart from the Store's). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Writes one attempt; its timeline starts with `{status, at: createdAt, error}`. */
  recordAttempt(attempt: MessageAttempt): Promise<void>;

  /**
   * Appends `event` to the entry's timeline and, when it outranks the entry's status, makes
   * it the status (with its `error` as `errorCode`), in one statement: concurrent updates
   * each land, none is lost, and the status never moves back. Returns the entry as this
   * statement left it — `event` last in its timeline — or undefined when the app has no
   * such entry.
   */
  appendStatus(
    appId: string,
    id: string,
    event: MessageEvent,
  ): Promise<MessageLogEntry | undefined>;

  /**
   * The app's newest entry whose provider (one of `providers`) gave it `providerMessageId`:
   * what a delivery receipt names. One indexed read.
   */
  findByProviderMessageId(
    appId: string,
    providers: readonly string[],
    providerMessageId: string,
  ): Promise<MessageLogEntry | undefined>;

  /**
   * The entries of `appIds` matching `filters`, newest first, after `cursor`, at most
   * `limit`: one keyset read over an index of each filter (message-log/migrations/).
   */
  list(
    appIds: readonly string[],
    filters: MessageFilters,
    cursor: MessageCursor | null,
    limit: number,
  ): Promise<MessagePage>;

  /** One entry of one of `appIds`; undefined for another app's (I5) or a missing one. */
  get(appIds: readonly string[], id: string): Promise<MessageLogEntry | undefined>;

  /** Every attempt for one verification of the app, oldest first. */
  forVerification(appId: string, verificationId: string): Promise<MessageLogEntry[]>;

  /** Deletes every entry created before `t`, of every app; returns how many. */
  purgeOlderThan(t: number): Promise<number>;
}
