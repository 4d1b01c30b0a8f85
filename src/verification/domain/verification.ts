import type { Channel } from '../../kernel/recipients.ts';
import type { ChatCodeForm } from './chat-message.ts';

export const STATUSES = [
  'pending',
  'approved',
  'expired',
  'canceled',
  'max_attempts_reached',
  'failed',
] as const;
export type VerificationStatus = (typeof STATUSES)[number];

/** Why a verification left `pending`; kept with it until retention purges it (I3). */
export type VerificationReason =
  | 'code_matched'
  | 'ttl_elapsed'
  | 'canceled_by_app'
  | 'approved_by_app'
  | 'superseded'
  | 'too_many_attempts'
  | 'delivery_failed';

/**
 * `sent`: a provider took the newest code; `delivered`, `undelivered` and a receipt's
 * `failed` come from that provider's delivery receipt.
 */
export const DELIVERY_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A verification as stored. Times are milliseconds since the epoch. */
export interface VerificationRecord {
  id: string;
  appId: string;
  to: string;
  channel: Channel;
  locale: string | null;
  status: VerificationStatus;
  reason: VerificationReason | null;
  /** HMAC of the current code (never the code), made under key `codeKeyId`; empty for an external code. */
  codeHash: string;
  codeKeyId: string;
  codeLength: number;
  attempts: number;
  maxAttempts: number;
  sends: number;
  maxSends: number;
  resendCooldownMs: number;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  lastSentAt: number;
  approvedAt: number | null;
  txCode: string | null;
  deviceId: string | null;
  messageId: string | null;
  metadata: Record<string, unknown> | null;
  content: string | null;
  deliveryStatus: DeliveryStatus;
  deliveryProvider: string | null;
  deliveryUpdatedAt: number;
  /** A test number's verification: fixed code, never handed to a provider, never counted. */
  test: boolean;
  /**
   * The sender made the code (integration mode 3): otpd holds no hash, sends no code of its
   * own, and asks the app's validator whether a code is right.
   */
  externalCode: boolean;
  /** The sender's id for its code (`referencePointer`, a Twilio Verify SID) once it was sent. */
  codeReference: string | null;
  /**
   * The Android SMS Retriever hash this verification's SMS carries, when the request gave
   * one (Twilio's `AppHash`); null: the app's `androidAppHash` setting.
   */
  androidAppHash: string | null;
  /** A chat message's own code (Diyalog's sendmok): how a press is read; null otherwise. */
  chatCode: ChatCodeForm | null;
}

/** Per-verification defaults; an app overrides them through its settings. */
export const DEFAULTS = {
  codeLength: 6,
  ttlSeconds: 600,
  maxAttempts: 5,
  maxSends: 5,
  resendCooldownSeconds: 30,
} as const;

/**
 * The status as of `now`. A pending verification past its expiry is `expired` even before
 * anything writes that down, so no reader ever sees a stale `pending`.
 */
export function effectiveStatus(
  v: VerificationRecord,
  now: number,
): {
  status: VerificationStatus;
  reason: VerificationReason | null;
} {
  if (v.status === 'pending' && now >= v.expiresAt)
    return { status: 'expired', reason: 'ttl_elapsed' };
  return { status: v.status, reason: v.reason };
}

/** When a resend may go out: the cooldown after the last send. */
export function resendAvailableAt(v: VerificationRecord): number {
  return v.lastSentAt + v.resendCooldownMs;
}

/** The result of checking a code: an outcome, never an exception. */
export type CheckReason =
  | 'incorrect_code'
  | 'expired'
  | 'max_attempts_reached'
  | 'already_approved'
  | 'canceled'
  | 'failed';

export interface CheckOutcome {
  verification: VerificationRecord;
  valid: boolean;
  reason: CheckReason | null;
  /**
   * True when this check's code was compared and counted against the attempt budget; a
   * check of a verification already finished compares nothing. So a `max_attempts_reached`
   * with `counted` is the wrong code that spent the last attempt.
   */
  counted?: boolean;
}

/** Why a check of a verification that is no longer pending cannot succeed. */
export function reasonNotPending(status: VerificationStatus): CheckReason {
  switch (status) {
    case 'approved':
      return 'already_approved';
    case 'expired':
      return 'expired';
    case 'canceled':
      return 'canceled';
    case 'max_attempts_reached':
      return 'max_attempts_reached';
    case 'failed':
      return 'failed';
    case 'pending':
      throw new Error('a pending verification can still be checked');
  }
}

/** The code fields of a verification whose sender makes the code: no hash, no key. */
export const EXTERNAL_CODE = { hash: '', keyId: '' } as const;

/** What a new verification is made of; the rest starts at its initial value. */
export interface NewVerification {
  id: string;
  appId: string;
  to: string;
  channel: Channel;
  code: { hash: string; keyId: string; length: number };
  locale: string | null;
  limits: { maxAttempts: number; maxSends: number; resendCooldownSeconds: number };
  ttlSeconds: number;
  /** For one of the app's test numbers (see domain/test-numbers.ts); default false. */
  test?: boolean;
  /** The sender makes the code; `code` then holds no hash (see `EXTERNAL_CODE`). */
  externalCode?: boolean;
  /** A chat message's own code: how its presses are read. */
  chatCode?: ChatCodeForm;
  /** The app's own references, kept as given. */
  references: {
    txCode?: string;
    deviceId?: string;
    messageId?: string;
    metadata?: Record<string, unknown>;
    content?: string;
    androidAppHash?: string;
  };
  now: number;
}

/** A pending verification whose first code is being sent now. */
export function newVerificationRecord(n: NewVerification): VerificationRecord {
  return {
    id: n.id,
    appId: n.appId,
    to: n.to,
    channel: n.channel,
    locale: n.locale,
    status: 'pending',
    reason: null,
    codeHash: n.code.hash,
    codeKeyId: n.code.keyId,
    codeLength: n.code.length,
    attempts: 0,
    maxAttempts: n.limits.maxAttempts,
    sends: 1,
    maxSends: n.limits.maxSends,
    resendCooldownMs: n.limits.resendCooldownSeconds * 1000,
    createdAt: n.now,
    updatedAt: n.now,
    expiresAt: n.now + n.ttlSeconds * 1000,
    lastSentAt: n.now,
    approvedAt: null,
    txCode: n.references.txCode ?? null,
    deviceId: n.references.deviceId ?? null,
    messageId: n.references.messageId ?? null,
    metadata: n.references.metadata ?? null,
    content: n.references.content ?? null,
    deliveryStatus: 'queued',
    deliveryProvider: null,
    deliveryUpdatedAt: n.now,
    test: n.test ?? false,
    externalCode: n.externalCode ?? false,
    codeReference: null,
    androidAppHash: n.references.androidAppHash ?? null,
    chatCode: n.chatCode ?? null,
  };
}
