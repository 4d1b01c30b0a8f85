import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../../message-log/http/message-views.ts';
import {
  deliveryFilterOf,
  retriedAudit,
  webhookDeliveryParams,
} from '../../webhooks/http/webhook-views.ts';
import type { WebhookSender } from '../../webhooks/webhook-sender.ts';
import type { WebhookStore } from '../../webhooks/webhook-store-ports.ts';
import type { Console } from '../console-graph.ts';
import {
  appsAsked,
  consoleProblems,
  requireConsoleSession,
  requireRole,
  SIGNED_IN,
  signedIn,
} from './console-http.ts';
import {
  consoleDeliveryDetail,
  consoleDeliveryView,
  consoleWebhookDeliveriesPage,
  consoleWebhookDeliveriesQuery,
  consoleWebhookDelivery,
  consoleWebhookDeliveryDetail,
} from './console-webhook-schemas.ts';

const READERS = ['owner', 'admin', 'viewer'] as const;

/**
 * The webhook delivery log in the console: the deliveries of the admin's apps (every app for
 * an owner), filtered, one with each of its attempts, and a retry. Viewers read; admins and
 * owners also retry; agents answer the inbox only.
 */
export async function consoleWebhookRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    store: Pick<AppStore, 'listApps'> &
      Pick<WebhookStore, 'listWebhookDeliveries' | 'getWebhookDelivery' | 'requeueWebhookDelivery'>;
    webhooks: Pick<WebhookSender, 'wake'>;
    clock: Clock;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);
  const readProblems = { ...consoleProblems, ...problems(403, 404) };
  const notFound = (id: string) =>
    new OtpdError('webhook_delivery_not_found', `no webhook delivery ${id}`);

  api.get('/console/api/webhook-deliveries', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleWebhookDeliveries',
      summary: "Webhook deliveries of the admin's apps, newest first, filtered, in cursor pages",
      description:
        'The filters of `GET /v1/webhook-deliveries` plus `appId`, over the apps the admin ' +
        'manages (every app for an owner). Agents: 403.',
      querystring: consoleWebhookDeliveriesQuery,
      response: { 200: consoleWebhookDeliveriesPage, ...readProblems },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      requireRole(admin, READERS, 'agents see the inbox only');
      const { appId, cursor, limit, ...filters } = request.query;
      const apps = await appsAsked(deps.store, admin, appId);
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (cursor !== undefined && !after) {
        const message = 'must be a nextCursor returned by this endpoint';
        throw new OtpdError('validation_failed', `cursor ${message}`, {
          errors: [{ field: 'cursor', message }],
        });
      }
      const filter = deliveryFilterOf({ ...filters, limit });
      const rows = await deps.store.listWebhookDeliveries(apps, filter, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        data: page.map(consoleDeliveryView),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      };
    },
  });

  api.get('/console/api/webhook-deliveries/:id', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleWebhookDelivery',
      summary: "One webhook delivery of the admin's apps, with each attempt and its answer",
      params: webhookDeliveryParams,
      response: { 200: consoleWebhookDeliveryDetail, ...readProblems },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      requireRole(admin, READERS, 'agents see the inbox only');
      const apps = await appsAsked(deps.store, admin, undefined);
      const found = await deps.store.getWebhookDelivery(apps, request.params.id);
      if (!found) throw notFound(request.params.id);
      return consoleDeliveryDetail(found);
    },
  });

  api.post('/console/api/webhook-deliveries/:id/retry', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'retryConsoleWebhookDelivery',
      summary: 'Sends a delivered or failed delivery of the admin’s apps again, once, now',
      description:
        'As `POST /v1/webhook-deliveries/{id}/retry`; the audit log records ' +
        '`webhook.retried`. A delivery still pending is answered unchanged. Viewers and ' +
        'agents: 403.',
      params: webhookDeliveryParams,
      response: { 202: consoleWebhookDelivery, ...readProblems },
    },
    handler: async (request, reply) => {
      const { admin } = signedIn(request);
      requireRole(admin, ['owner', 'admin'], 'viewers and agents cannot retry a delivery');
      const apps = await appsAsked(deps.store, admin, undefined);
      const { id } = request.params;
      const result = await deps.store.requeueWebhookDelivery(apps, id, deps.clock.now());
      if (!result) throw notFound(id);
      if (result.requeued) {
        await deps.console.audit.record(retriedAudit(`admin:${admin.email}`, result.delivery));
      }
      deps.webhooks.wake();
      return reply.code(202).send(consoleDeliveryView(result.delivery));
    },
  });
}
