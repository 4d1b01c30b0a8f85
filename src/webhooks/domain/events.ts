import type { Channel } from '../../kernel/recipients.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';
import type { VerificationRecord } from '../../verification/domain/verification.ts';
import { iso, verificationView } from '../../verification/domain/verification-view.ts';

export type EventType = (typeof WEBHOOK_EVENTS)[number];
export const EVENT_TYPES = WEBHOOK_EVENTS;

/**
 * A button press forwarded to the app's Diyalog webhook (`dialects.diyalog.webhookUrl`) in
 * Diyalog's envelope, signed with `X-Signature`: it rides the webhooks' outbox, but is no
 * lifecycle event and no app subscribes to it in `webhooks`.
 */
export const DIYALOG_POSTBACK = 'diyalog.postback';

/** What a webhook delivery carries: a lifecycle event or a forwarded press. */
export const DELIVERY_TYPES = [...EVENT_TYPES, DIYALOG_POSTBACK] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

/** What a message event says about the message: which provider, and how it ended. */
export interface MessageFacts {
  /** Null when no single provider is to blame (every one failed: see `error`). */
  provider: string | null;
  status: 'sent' | 'failed' | 'delivered' | 'undelivered';
  /** Why it failed (`provider: code`, or the receipt's error code); never a provider's text. */
  error: string | null;
  /** The message log entry of the attempt, when the event comes from one. */
  messageLogId?: string | null;
  providerMessageId?: string | null;
}

/** A lifecycle change, as the state change that caused it saw it. */
export type LifecycleEvent =
  | { type: Exclude<EventType, `message.${string}`>; verification: VerificationRecord }
  | {
      type: Extract<EventType, `message.${string}`>;
      verification: VerificationRecord;
      message: MessageFacts;
    };

/** The status a verification event reports, by event type. */
export const VERIFICATION_EVENT_BY_STATUS = {
  approved: 'verification.approved',
  expired: 'verification.expired',
  canceled: 'verification.canceled',
  max_attempts_reached: 'verification.max_attempts_reached',
  failed: 'verification.failed',
} as const satisfies Record<string, EventType>;

/**
 * The JSON an event carries, in the Standard Webhooks shape `{type, timestamp, data}`:
 * `data` is the verification as the API shows it, and for message events also the message.
 * It holds neither the code nor any secret (I1, I6).
 */
export function eventPayload(event: LifecycleEvent, at: number) {
  const verification = verificationView(event.verification, at);
  if (!('message' in event)) return { type: event.type, timestamp: iso(at), data: verification };
  const { message } = event;
  return {
    type: event.type,
    timestamp: iso(at),
    data: {
      verificationId: verification.id,
      appId: verification.appId,
      channel: verification.channel as Channel,
      to: verification.to,
      provider: message.provider,
      status: message.status,
      error: message.error,
      messageLogId: message.messageLogId ?? null,
      providerMessageId: message.providerMessageId ?? null,
      txCode: verification.txCode,
      deviceId: verification.deviceId,
      messageId: verification.messageId,
      verification,
    },
  };
}
