import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditLog } from '../../console/audit-log.ts';
import { principalOf } from '../../http/auth.ts';
import { bodyProblemResponses, problemResponses } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../../message-log/http/message-views.ts';
import type { WebhookStore } from '../webhook-store-ports.ts';
import {
  deliveryFilterOf,
  retriedAudit,
  toWebhookDeliveryView,
  webhookDeliveriesPage,
  webhookDeliveriesQuery,
  webhookDeliveryParams,
  webhookDeliveryView,
} from './webhook-views.ts';

/** The calling app's webhook delivery log, and a way to send a delivery again. */
export async function webhookRoutes(
  app: FastifyInstance,
  deps: {
    store: Pick<
      WebhookStore,
      'listWebhookDeliveries' | 'getWebhookDelivery' | 'requeueWebhookDelivery'
    >;
    clock: Clock;
    /** Asks the webhook sender for a round now. */
    wake: () => void;
    audit: Pick<AuditLog, 'record'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const security = [{ bearerAuth: [] }];
  const notFound = (id: string) =>
    new OtpdError('webhook_delivery_not_found', `no webhook delivery ${id}`);

  api.get('/v1/webhook-deliveries', {
    config: { scope: 'settings:read' },
    schema: {
      tags,
      security,
      operationId: 'listWebhookDeliveries',
      summary: 'Webhook deliveries, newest first: status, attempts, the endpoint’s answer',
      querystring: webhookDeliveriesQuery,
      response: { 200: webhookDeliveriesPage, ...problemResponses },
    },
    handler: async (request) => {
      const q = request.query;
      const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (q.cursor !== undefined && !after) {
        const message = 'must be a nextCursor returned by this endpoint';
        throw new OtpdError('validation_failed', `cursor ${message}`, {
          errors: [{ field: 'cursor', message }],
        });
      }
      const rows = await deps.store.listWebhookDeliveries(
        [principalOf(request).app.id],
        deliveryFilterOf(q),
        after,
        q.limit + 1,
      );
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        data: page.map(toWebhookDeliveryView),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      };
    },
  });

  api.get('/v1/webhook-deliveries/:id', {
    config: { scope: 'settings:read' },
    schema: {
      tags,
      security,
      operationId: 'getWebhookDelivery',
      summary: 'One webhook delivery',
      params: webhookDeliveryParams,
      response: { 200: webhookDeliveryView, ...problemResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      const found = await deps.store.getWebhookDelivery([principalOf(request).app.id], id);
      if (!found) throw notFound(id);
      return toWebhookDeliveryView(found);
    },
  });

  api.post('/v1/webhook-deliveries/:id/retry', {
    config: { scope: 'settings:write' },
    schema: {
      tags,
      security,
      operationId: 'retryWebhookDelivery',
      summary: 'Sends a delivered or failed delivery again, once, now',
      description:
        'The endpoint receives the same `webhook-id` and body, newly signed; the audit log ' +
        'records `webhook.retried`. A delivery still pending is answered unchanged: it is ' +
        'already on its way.',
      params: webhookDeliveryParams,
      response: { 202: webhookDeliveryView, ...problemResponses, ...bodyProblemResponses },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const { app: caller, keyId } = principalOf(request);
      const result = await deps.store.requeueWebhookDelivery([caller.id], id, deps.clock.now());
      if (!result) throw notFound(id);
      if (result.requeued) await deps.audit.record(retriedAudit(`key:${keyId}`, result.delivery));
      deps.wake();
      return reply.code(202).send(toWebhookDeliveryView(result.delivery));
    },
  });
}
