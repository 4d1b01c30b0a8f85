import { z } from 'zod';
import { maskDestination } from '../../kernel/mask.ts';
import type { WebhookAttempt, WebhookDelivery } from '../../ports/store.ts';
import {
  toWebhookDeliveryView,
  webhookDeliveriesQuery,
  webhookDeliveryView,
} from '../../webhooks/http/webhook-views.ts';

/** The webhook delivery log as the console shows it: with its app, destinations masked. */

export const consoleWebhookDeliveriesQuery = webhookDeliveriesQuery
  .extend({
    appId: z.string().min(1).max(64).optional().describe("One of the admin's apps; default all"),
  })
  .strict();

export const consoleWebhookDelivery = webhookDeliveryView
  .omit({ payload: true })
  .extend({ appId: z.string() })
  .meta({ id: 'ConsoleWebhookDelivery' });

export const consoleWebhookDeliveriesPage = z.object({
  data: z.array(consoleWebhookDelivery).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Null on the last page'),
});

const webhookAttemptView = z
  .object({
    attempt: z.number().int().describe('1 for the first try; a retry by hand adds one'),
    at: z.string().describe('When the try ended'),
    statusCode: z.number().int().nullable().describe("The endpoint's HTTP status; null for none"),
    error: z.string().nullable().describe('Null when delivered; else why not, as `lastError`'),
    outcome: z.enum(['delivered', 'retrying', 'failed']),
  })
  .meta({ id: 'WebhookAttempt' });

export const consoleWebhookDeliveryDetail = z.object({
  data: consoleWebhookDelivery,
  payload: z
    .unknown()
    .describe(
      'The event as it was signed, every `to` masked; null for a forwarded Diyalog press, ' +
        'which is kept encrypted (it may quote a code)',
    ),
  attempts: z.array(webhookAttemptView).describe('Each try and its answer, oldest first'),
});

export function consoleDeliveryView(d: WebhookDelivery) {
  const { payload: _, ...view } = toWebhookDeliveryView(d);
  return { ...view, appId: d.appId };
}

/** A payload as the console shows it: every destination (`to`) masked, at any depth. */
export function maskedPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskedPayload);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'to' && typeof inner === 'string' ? maskDestination(inner) : maskedPayload(inner),
    ]),
  );
}

export const attemptView = (a: WebhookAttempt) => ({ ...a, at: new Date(a.at).toISOString() });

export function consoleDeliveryDetail(d: WebhookDelivery) {
  return {
    data: consoleDeliveryView(d),
    payload: maskedPayload(toWebhookDeliveryView(d).payload),
    attempts: d.attemptLog.map(attemptView),
  };
}
