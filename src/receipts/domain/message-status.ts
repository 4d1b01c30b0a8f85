/**
 * `sent` and `failed` are what a provider call returned; `queued`, `delivered` and
 * `undelivered` (and a later `failed`) come from delivery receipts. A status never moves
 * back (see STATUS_RANK below).
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'delivered', 'undelivered'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One step of a message's life; `error` is a provider's stable error code, never its text. */
export interface MessageEvent {
  status: MessageStatus;
  /** Milliseconds since the Unix epoch. */
  at: number;
  error?: string | null;
  /** What the provider charged, when its receipt says (Twilio's `Price`); kept on the entry. */
  price?: MessagePrice | null;
}

/** A provider's charge for one message: a positive amount in an ISO 4217 currency. */
export interface MessagePrice {
  amount: number;
  currency: string;
}

/**
 * How far along a message is. A status only ever moves to a higher rank: receipts arrive out
 * of order (a late `sent` after `delivered`), and they land in the timeline without moving
 * the status back. `undelivered` and `failed` share a rank, so the first of them stays;
 * `delivered` outranks both, being the handset's own word that the message arrived.
 */
export const STATUS_RANK: Record<MessageStatus, number> = {
  queued: 0,
  sent: 1,
  undelivered: 2,
  failed: 2,
  delivered: 3,
};

/** The statuses a receipt may report that end a message's journey badly. */
export const isUndelivered = (status: MessageStatus): boolean =>
  status === 'undelivered' || status === 'failed';

/** The status a timeline (oldest first) leaves a message in. */
export function statusOf(timeline: readonly MessageEvent[]): MessageStatus | undefined {
  let best: MessageStatus | undefined;
  for (const event of timeline) {
    if (best === undefined || STATUS_RANK[event.status] > STATUS_RANK[best]) best = event.status;
  }
  return best;
}

/**
 * Whether the newest event of `timeline` moved the message's status: it outranks every
 * event before it.
 */
export function lastEventMoved(timeline: readonly MessageEvent[]): boolean {
  const last = timeline.at(-1);
  if (!last) return false;
  const before = statusOf(timeline.slice(0, -1));
  return before === undefined || STATUS_RANK[last.status] > STATUS_RANK[before];
}
