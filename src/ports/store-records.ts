import type { ApiScope } from '../apps/domain/api-scopes.ts';
import type { AppDialectIds } from '../dialects/domain/dialect-ids.ts';
import type { Channel } from '../kernel/recipients.ts';
import type { DeliveryType, LifecycleEvent } from '../webhooks/domain/events.ts';

/**
 * The records the store reads and writes, apart from the `Store` port itself so each file
 * keeps one job. `store.ts` re-exports them.
 */
export interface AppRecord {
  id: string;
  name: string;
  createdAt: number;
  /**
   * The app's names in the compatible APIs. Present on every app the store returns; when
   * creating, the store assigns fresh ones unless given.
   */
  dialects?: AppDialectIds;
}

/** An app's stored settings document. */
export interface StoredAppSettings {
  /** The document as JSON with its secrets encrypted; null until first replaced. */
  json: string | null;
  /** Replacements so far: 0 for never, one more with each replacement. */
  revision: number;
  updatedAt: number | null;
}

export interface ApiKeyRecord {
  id: string;
  appId: string;
  /** SHA-256 of the key; the key itself is shown once and never stored. */
  keyHash: string;
  /** The key's first characters, to tell keys apart in listings. */
  prefix: string;
  /** What the key may do (domain/api-scopes.ts). */
  scopes: ApiScope[];
  createdAt: number;
  revokedAt: number | null;
}

/** A queued delivery (the transactional outbox). The code exists only in `codeCiphertext`. */
export interface OutboxJob {
  id: string;
  appId: string;
  verificationId: string;
  channel: Channel;
  to: string;
  /** AES-256-GCM ciphertext of the code; null once a provider has taken it. */
  codeCiphertext: string | null;
  status: 'pending' | 'sent' | 'failed' | 'canceled';
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  /**
   * A failover job tries only the channel's providers after this one (by name); null: all
   * of them, in order.
   */
  afterProvider: string | null;
  /**
   * A chat message sent as the app wrote it (text, image, buttons: see `ChatMessage`),
   * AES-256-GCM encrypted like the code; null for a code in the app's template. Erased with
   * the code once a provider has taken it.
   */
  messageCiphertext: string | null;
}

/**
 * One event on its way to one webhook URL: the webhooks' outbox. Holds the signed body but
 * never the signing secret, which stays in the app's settings.
 */
export interface WebhookDelivery {
  id: string;
  appId: string;
  /** The Standard Webhooks message id (`webhook-id`): one per event, kept across retries. */
  eventId: string;
  eventType: DeliveryType;
  url: string;
  /**
   * The JSON body, exactly as it is signed and sent; for a forwarded press (which may quote
   * a code) encrypted, bound to the delivery's id.
   */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  /** Attempts made so far; each claim counts one (and fences stale holders, like jobs). */
  attempts: number;
  /** Attempts allowed before the delivery is given up; a manual retry allows one more. */
  attemptLimit: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  /** The HTTP status of the newest answer; null when none came. */
  lastStatusCode: number | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
  /**
   * What each attempt got, oldest first: written with the attempt's outcome, by the holder
   * of the claim only; the newest 50 are kept (more come only from many manual retries).
   */
  attemptLog: WebhookAttempt[];
}

/** One try of a webhook delivery, as its log keeps it. */
export interface WebhookAttempt {
  /** The delivery's attempt count this try made (1 for the first). */
  attempt: number;
  /** When the try ended (the answer, the timeout or the refusal). */
  at: number;
  /** The endpoint's HTTP status; null when none came. */
  statusCode: number | null;
  /** Null when delivered; else `http_<status>`, `timeout`, `connection_failed`, … */
  error: string | null;
  /** What came of it: delivered, to be tried again, or given up. */
  outcome: 'delivered' | 'retrying' | 'failed';
}

/**
 * Turns a state change into the webhook deliveries it owes: called inside the change's
 * transaction with the record as written, so the deliveries commit with the change or not at
 * all. Callers pass none when the app subscribes to nothing.
 */
export type EventSink = (event: LifecycleEvent) => WebhookDelivery[];

export interface WebhookDeliveryFilter {
  status?: WebhookDelivery['status'];
  eventType?: DeliveryType;
  /** Deliveries of one event (its `webhook-id`). */
  eventId?: string;
  /** Created at or after this instant (ms). */
  from?: number;
  /** Created before this instant (ms). */
  until?: number;
}

export interface SandboxMessage {
  id: string;
  appId: string;
  verificationId: string;
  to: string;
  channel: Channel;
  body: string;
  createdAt: number;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'replay'; statusCode: number; body: string }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

/** Conditions under which a check may be counted; all must still hold when it is written. */
export interface CheckAttempt {
  appId: string;
  id: string;
  /** The `sends` value the code was compared against: a resend in between voids the check. */
  expectedSends: number;
  valid: boolean;
  now: number;
  /** Where the approval or exhaustion this check causes is announced. */
  events?: EventSink;
}

/** A receipt's verdict on the newest code a verification handed to `provider`. */
export interface DeliveryReceipt {
  appId: string;
  verificationId: string;
  provider: string;
  status: 'delivered' | 'undelivered' | 'failed';
  now: number;
}

/** A new code sent because a receipt said the previous one never arrived. */
export interface FailoverRequest {
  appId: string;
  id: string;
  /** The provider whose receipt said so; `job.afterProvider` names it too. */
  failedProvider: string;
  codeHash: string;
  codeKeyId: string;
  job: OutboxJob;
  now: number;
}

export interface ResendRequest {
  appId: string;
  id: string;
  expectedSends: number;
  codeHash: string;
  codeKeyId: string;
  job: OutboxJob;
  now: number;
}
