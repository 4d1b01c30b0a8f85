import { type Kysely, type Selectable, sql } from 'kysely';
import type { EventSink, Store, WebhookDelivery } from '../ports/store.ts';
import { claimDue, extendLease } from './lease-queries.ts';
import { fromWebhookDelivery, toWebhookDelivery } from './rows.ts';
import type { Database, WebhookDeliveriesTable } from './schema.ts';

type WebhookQueries = Pick<
  Store,
  | 'enqueueWebhookDeliveries'
  | 'claimDueWebhookDeliveries'
  | 'extendWebhookLease'
  | 'finishWebhookDelivery'
  | 'retryWebhookDelivery'
  | 'listWebhookDeliveries'
  | 'getWebhookDelivery'
  | 'requeueWebhookDelivery'
  | 'purgeWebhookDeliveries'
>;

/**
 * Writes what `events` owes for one state change, inside the caller's transaction, so the
 * deliveries commit with the change or not at all.
 */
export async function announce(
  trx: Kysely<Database>,
  events: EventSink | undefined,
  ...changes: Parameters<EventSink>[0][]
): Promise<void> {
  if (!events) return;
  const rows = changes.flatMap((change) => events(change)).map(fromWebhookDelivery);
  if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
}

/** An update that applies only while the caller still holds the delivery it claimed. */
function holding(db: Kysely<Database>, d: WebhookDelivery) {
  return db
    .updateTable('webhook_deliveries')
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', d.attempts);
}

export function createWebhookQueries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): WebhookQueries {
  return {
    async enqueueWebhookDeliveries(deliveries) {
      if (deliveries.length === 0) return;
      await db
        .insertInto('webhook_deliveries')
        .values(deliveries.map(fromWebhookDelivery))
        .execute();
    },

    async claimDueWebhookDeliveries(now, leaseMs, limit, share) {
      const at = { now, leaseMs, limit };
      const rows = await claimDue(db, dialect, 'webhook_deliveries', at, share);
      return rows.map((row) => toWebhookDelivery(row as Selectable<WebhookDeliveriesTable>));
    },

    extendWebhookLease(delivery, until) {
      return extendLease(db, 'webhook_deliveries', delivery, until);
    },

    async finishWebhookDelivery(delivery, outcome, now) {
      await holding(db, delivery)
        .set({
          status: outcome.status,
          lease_until: null,
          last_error: outcome.error,
          last_status_code: outcome.statusCode,
          delivered_at: outcome.status === 'delivered' ? now : null,
          updated_at: now,
        })
        .execute();
    },

    async retryWebhookDelivery(delivery, failure, nextAttemptAt, now) {
      await holding(db, delivery)
        .set({
          next_attempt_at: nextAttemptAt,
          lease_until: null,
          last_error: failure.error,
          last_status_code: failure.statusCode,
          updated_at: now,
        })
        .execute();
    },

    async listWebhookDeliveries(appId, filter, after, limit) {
      let query = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('app_id', '=', appId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.eventType) query = query.where('event_type', '=', filter.eventType);
      if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      return (await query.execute()).map(toWebhookDelivery);
    },

    async getWebhookDelivery(appId, id) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return row && toWebhookDelivery(row);
    },

    async requeueWebhookDelivery(appId, id, now) {
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'pending',
          next_attempt_at: now,
          lease_until: null,
          attempt_limit: sql`attempts + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .where('status', '<>', 'pending')
        .execute();
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return row && toWebhookDelivery(row);
    },

    async purgeWebhookDeliveries(t) {
      const result = await db
        .deleteFrom('webhook_deliveries')
        .where('status', '<>', 'pending')
        .where('updated_at', '<', t)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
