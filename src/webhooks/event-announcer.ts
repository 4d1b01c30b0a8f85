import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { MessageEvent, MessageLogEntry } from '../message-log/message-log-ports.ts';
import type { EventSink, WebhookDelivery } from '../ports/store.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { eventPayload, type LifecycleEvent } from './domain/events.ts';
import type { WebhookStore } from './webhook-store-ports.ts';

/**
 * Attempts per delivery before it is given up: the first at once, then after each delay of
 * `WEBHOOK_RETRY_DELAYS_MS` (about a day in all, as Standard Webhooks senders do).
 */
export const WEBHOOK_RETRY_DELAYS_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
] as const;
export const WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

type Webhooks = Pick<AppSettings, 'webhooks'>;

/** A delivery of `payload` to `url`, due at once, with the full attempt budget. */
export function newWebhookDelivery(
  fields: Pick<WebhookDelivery, 'id' | 'appId' | 'eventId' | 'eventType' | 'url' | 'payload'>,
  now: number,
): WebhookDelivery {
  return {
    ...fields,
    status: 'pending',
    attempts: 0,
    attemptLimit: WEBHOOK_ATTEMPTS,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    lastStatusCode: null,
    createdAt: now,
    updatedAt: now,
    deliveredAt: null,
    attemptLog: [],
  };
}

/** The webhook deliveries one event owes an app with these subscriptions, due at once. */
export function deliveriesFor(
  appId: string,
  webhooks: Webhooks['webhooks'],
  event: LifecycleEvent,
  now: number,
): WebhookDelivery[] {
  const targets = webhooks.filter((w) => w.events.includes(event.type));
  if (targets.length === 0) return [];
  const eventId = newId('evt', now);
  const payload = JSON.stringify(eventPayload(event, now));
  // One row per URL: a URL listed twice for the same event gets it once.
  return [...new Set(targets.map((w) => w.url))].map((url) =>
    newWebhookDelivery(
      { id: newId('whd', now), appId, eventId, eventType: event.type, url, payload },
      now,
    ),
  );
}

/**
 * Where an app's state changes announce themselves: an event sink over its webhook
 * subscriptions, or undefined when it has none (the store then writes no events at all).
 */
export function createEventSinks(deps: {
  settingsFor: (appId: string) => Promise<Webhooks>;
  clock: Clock;
}) {
  function forSettings(appId: string, { webhooks }: Webhooks): EventSink | undefined {
    if (webhooks.length === 0) return undefined;
    return (event) => deliveriesFor(appId, webhooks, event, deps.clock.now());
  }
  return {
    async forApp(appId: string): Promise<EventSink | undefined> {
      return forSettings(appId, await deps.settingsFor(appId));
    },
    /** The sink over settings the caller already read (its request's snapshot). */
    forSettings,
  };
}

export type EventSinks = ReturnType<typeof createEventSinks>;

/** The event a delivery receipt's status announces; none for `queued` and `sent`. */
const RECEIPT_EVENTS = {
  delivered: 'message.delivered',
  undelivered: 'message.failed',
  failed: 'message.failed',
} as const;

/**
 * Announces what delivery receipts report (`message.delivered`, `message.failed`). The
 * receipt lives in the message log, apart from the main store, so the event is queued right
 * after it, not in its transaction: a crash in between loses the event, not the receipt.
 */
export function createReceiptAnnouncer(deps: {
  sinks: Pick<EventSinks, 'forApp'>;
  store: Pick<VerificationStore, 'getVerification'> &
    Pick<WebhookStore, 'enqueueWebhookDeliveries'>;
  notifyWebhooks: () => void;
}) {
  return async function onMessageStatus(entry: MessageLogEntry, event: MessageEvent) {
    if (
      event.status !== 'delivered' &&
      event.status !== 'undelivered' &&
      event.status !== 'failed'
    ) {
      return;
    }
    const events = await deps.sinks.forApp(entry.appId);
    if (!events) return;
    const verification = await deps.store.getVerification(entry.appId, entry.verificationId);
    if (!verification) return;
    await deps.store.enqueueWebhookDeliveries(
      events({
        type: RECEIPT_EVENTS[event.status],
        verification,
        message: {
          provider: entry.provider,
          status: event.status,
          error: event.error ?? null,
          messageLogId: entry.id,
          providerMessageId: entry.providerMessageId,
        },
      }),
    );
    deps.notifyWebhooks();
  };
}
