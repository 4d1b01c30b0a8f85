import { beforeEach } from 'vitest';
import { RECORD_T0 } from '../../../test/helpers/records.ts';
import type { AppRecord, EventSink, Store, WebhookDelivery } from '../../ports/store.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';
import type { LifecycleEvent } from '../../webhooks/domain/events.ts';
import { deliveriesFor } from '../../webhooks/event-announcer.ts';

/* What the webhook-store-*contract.ts files share: a store with two apps, a sink, a delivery. */

export type WebhookStoreUnderTest = { store: Store; cleanup(): Promise<void> };

export const T0 = RECORD_T0;
export const app: AppRecord = { id: 'app_1', name: 'Acme', createdAt: T0 };
export const other: AppRecord = { id: 'app_2', name: 'Other', createdAt: T0 };

/** What every test of these contracts starts from. */
export interface WebhookStoreFixture {
  store: Store;
  /** Every event the sink heard, in order. */
  heard: LifecycleEvent[];
  /** A sink owing one delivery per event to a hook subscribed to every event. */
  sink: EventSink;
}

/**
 * Sets up the calling describe block's tests: before each, a fresh store from `open` with both
 * apps and a sink that has heard nothing, handed to `bind`; after each, the store's cleanup.
 * Returns `types`, the sorted event types of an app's deliveries.
 */
export function withWebhookStore(
  open: () => Promise<WebhookStoreUnderTest>,
  bind: (fixture: WebhookStoreFixture) => void,
) {
  let store: Store;
  beforeEach(async () => {
    const opened = await open();
    store = opened.store;
    await store.createApp(app);
    await store.createApp(other);
    const heard: LifecycleEvent[] = [];
    const hooks = [
      { url: 'https://hooks.example/otp', events: [...WEBHOOK_EVENTS], secret: 'unused' },
    ];
    const sink: EventSink = (event) => {
      heard.push(event);
      return deliveriesFor(event.verification.appId, hooks, event, T0);
    };
    bind({ store, heard, sink });
    return () => opened.cleanup();
  });

  const types = async (appId = app.id) =>
    (await store.listWebhookDeliveries([appId], {}, null, 100)).map((d) => d.eventType).sort();
  return { types };
}

/** A pending delivery of `app`, due at T0, with no attempt yet. */
export function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'whd_1',
    appId: app.id,
    eventId: 'evt_1',
    eventType: 'verification.created',
    url: 'https://hooks.example/otp',
    payload: '{"type":"verification.created"}',
    status: 'pending',
    attempts: 0,
    attemptLimit: 3,
    nextAttemptAt: T0,
    leaseUntil: null,
    lastError: null,
    lastStatusCode: null,
    createdAt: T0,
    updatedAt: T0,
    deliveredAt: null,
    attemptLog: [],
    ...overrides,
  };
}
