import { z } from 'zod';
import type { WebhookDelivery, WebhookDeliveryFilter } from '../../ports/store.ts';
import { iso } from '../../verification/domain/verification-view.ts';
import { DELIVERY_TYPES, DIYALOG_POSTBACK } from '../domain/events.ts';

const time = z.iso.datetime({ offset: true });

export const webhookDeliveryView = z
  .object({
    id: z.string(),
    eventId: z.string().describe('The `webhook-id` the endpoint receives; the same on every retry'),
    eventType: z.enum(DELIVERY_TYPES),
    url: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    attemptLimit: z.number().int().describe('Attempts allowed before it is given up'),
    nextAttemptAt: z.string().nullable().describe('When it is tried next; null once it ended'),
    lastStatusCode: z.number().int().nullable().describe("The endpoint's newest HTTP status"),
    lastError: z
      .string()
      .nullable()
      .describe('`http_<status>`, `timeout`, `connection_failed`, `blocked_address`, …'),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveredAt: z.string().nullable(),
    payload: z
      .unknown()
      .describe(
        'The event exactly as it was signed: `{type, timestamp, data}`; null for a forwarded ' +
          'Diyalog button press, which is kept encrypted (it may quote a code)',
      ),
  })
  .meta({ id: 'WebhookDelivery' });

export function toWebhookDeliveryView(d: WebhookDelivery): z.infer<typeof webhookDeliveryView> {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    attemptLimit: d.attemptLimit,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    deliveredAt: d.deliveredAt === null ? null : iso(d.deliveredAt),
    payload: d.eventType === DIYALOG_POSTBACK ? null : JSON.parse(d.payload),
  };
}

export const webhookDeliveriesQuery = z
  .object({
    status: z.enum(['pending', 'delivered', 'failed']).optional(),
    eventType: z.enum(DELIVERY_TYPES).optional(),
    eventId: z.string().max(64).optional().describe('Only the deliveries of this event'),
    from: time.optional().describe('Only deliveries created at or after this time'),
    until: time.optional().describe('Only deliveries created before this time'),
    cursor: z
      .string()
      .max(200)
      .optional()
      .describe("A previous page's `nextCursor`, for the page after it"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const webhookDeliveriesPage = z.object({
  data: z.array(webhookDeliveryView).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Null on the last page'),
});

export const webhookDeliveryParams = z.object({
  id: z.string().min(1).max(64).describe('Webhook delivery id'),
});

/** The store's filter of a validated delivery query. */
export function deliveryFilterOf(q: z.infer<typeof webhookDeliveriesQuery>): WebhookDeliveryFilter {
  return {
    status: q.status,
    eventType: q.eventType,
    eventId: q.eventId,
    from: q.from === undefined ? undefined : Date.parse(q.from),
    until: q.until === undefined ? undefined : Date.parse(q.until),
  };
}

/** What the audit log keeps of a delivery sent again by hand: which one, of which event. */
export function retriedAudit(actor: string, d: WebhookDelivery) {
  return {
    actor,
    action: 'webhook.retried',
    appId: d.appId,
    target: d.id,
    details: { eventId: d.eventId, eventType: d.eventType, attempt: d.attempts + 1 },
  };
}
