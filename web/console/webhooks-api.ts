import type { Api } from './api.ts';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a delivery can carry: the lifecycle events and a forwarded Diyalog press. */
export const DELIVERY_EVENTS = [
  'verification.created',
  'verification.approved',
  'verification.expired',
  'verification.canceled',
  'verification.max_attempts_reached',
  'verification.failed',
  'message.sent',
  'message.delivered',
  'message.failed',
  'diyalog.postback',
] as const;

/** One webhook delivery as the console lists it. */
export interface WebhookDelivery {
  id: string;
  appId: string;
  eventId: string;
  eventType: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  attemptLimit: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  outcome: 'delivered' | 'retrying' | 'failed';
}

export interface WebhookDeliveryDetail {
  data: WebhookDelivery;
  /** The event as signed, destinations masked; null for a forwarded press. */
  payload: unknown;
  attempts: WebhookAttempt[];
}

/** The Webhooks page's calls under `/console/api/webhook-deliveries`. */
export function webhooksApi(api: Api) {
  const path = (id: string) => `webhook-deliveries/${encodeURIComponent(id)}`;
  return {
    deliveries: (filter: URLSearchParams, cursor?: string) => {
      const query = new URLSearchParams(filter);
      if (cursor) query.set('cursor', cursor);
      return api.request<{ data: WebhookDelivery[]; nextCursor: string | null }>(
        'GET',
        `webhook-deliveries?${query}`,
      );
    },
    delivery: (id: string) => api.request<WebhookDeliveryDetail>('GET', path(id)),
    retry: (id: string) => api.request<WebhookDelivery>('POST', `${path(id)}/retry`),
  };
}
