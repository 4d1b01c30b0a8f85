import { type Kysely, type Selectable, sql } from 'kysely';
import type { EventSink, WebhookAttempt, WebhookDelivery } from '../ports/store.ts';
import type { WebhookStore } from '../webhooks/webhook-store-ports.ts';
import { createClaim, extendLease } from './lease-queries.ts';
import { prepareInsertRows } from './prepared.ts';
import { fromWebhookDelivery, toWebhookDelivery } from './rows.ts';
import type { Database, WebhookDeliveriesTable } from './schema.ts';
import { createWebhookFinish } from './webhook-finish.ts';

type WebhookQueries = Pick<
  WebhookStore,
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

/** The rows of the deliveries `events` owes for this state change. */
function deliveryRows(
  events: EventSink | undefined,
  change: Parameters<EventSink>[0],
): WebhookDeliveriesTable[] {
  return events ? events(change).map(fromWebhookDelivery) : [];
}

/** A state change and the sink of its app's subscriptions. */
export type Owed = { events: EventSink | undefined; change: Parameters<EventSink>[0] };

/**
 * Writes what `events` owes for these state changes, inside the caller's transaction, so the
 * deliveries commit with the changes or not at all: one insert of every row, compiled once
 * per number of rows (a create or a check announces an event or two, on the hot path), whose
 * answer nobody reads: on PostgreSQL it goes out with the next statement, often the commit.
 * `each` does the same for changes of several apps, each with its own sink.
 */
export function createAnnouncer(db: Kysely<Database>) {
  const insertDeliveries = prepareInsertRows(db, 'webhook_deliveries', { unread: true });
  async function each(trx: Kysely<Database>, owed: readonly Owed[]): Promise<void> {
    const rows = owed.flatMap(({ events, change }) => deliveryRows(events, change));
    if (rows.length > 0) await insertDeliveries(trx, rows);
  }
  const announce = (
    trx: Kysely<Database>,
    events: EventSink | undefined,
    ...changes: Parameters<EventSink>[0][]
  ): Promise<void> =>
    each(
      trx,
      changes.map((change) => ({ events, change })),
    );
  return Object.assign(announce, { each });
}

/** Attempts a delivery's log keeps: the newest ones. */
const ATTEMPT_LOG_SIZE = 50;

/**
 * The delivery's attempt log with one more try. The holder's copy is the stored log: nobody
 * else writes a delivery while it is held, and the write is fenced on holding it.
 */
function logWith(d: WebhookDelivery, attempt: Omit<WebhookAttempt, 'attempt'>): string {
  const log = [...d.attemptLog, { attempt: d.attempts, ...attempt }];
  return JSON.stringify(log.slice(-ATTEMPT_LOG_SIZE));
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
  const claim = createClaim(db, dialect, 'webhook_deliveries');
  const finish = createWebhookFinish(db, dialect);
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
      const rows = await claim(at, share);
      return rows.map((row) => toWebhookDelivery(row as Selectable<WebhookDeliveriesTable>));
    },

    extendWebhookLease(delivery, until) {
      return extendLease(db, 'webhook_deliveries', delivery, until);
    },

    async finishWebhookDelivery(delivery, outcome, now) {
      await finish({
        id: delivery.id,
        attempts: delivery.attempts,
        status: outcome.status,
        error: outcome.error,
        statusCode: outcome.statusCode,
        deliveredAt: outcome.status === 'delivered' ? now : null,
        now,
        attemptLog: logWith(delivery, {
          at: now,
          statusCode: outcome.statusCode,
          error: outcome.error,
          outcome: outcome.status,
        }),
      });
    },

    async retryWebhookDelivery(delivery, failure, nextAttemptAt, now) {
      await holding(db, delivery)
        .set({
          next_attempt_at: nextAttemptAt,
          lease_until: null,
          last_error: failure.error,
          last_status_code: failure.statusCode,
          updated_at: now,
          attempt_log: logWith(delivery, {
            at: now,
            statusCode: failure.statusCode,
            error: failure.error,
            outcome: 'retrying',
          }),
        })
        .execute();
    },

    async listWebhookDeliveries(appIds, filter, after, limit) {
      if (appIds.length === 0) return [];
      let query = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('app_id', 'in', [...appIds])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.eventType) query = query.where('event_type', '=', filter.eventType);
      if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
      if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
      if (filter.until !== undefined) query = query.where('created_at', '<', filter.until);
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

    async getWebhookDelivery(appIds, id) {
      if (appIds.length === 0) return undefined;
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', 'in', [...appIds])
        .executeTakeFirst();
      return row && toWebhookDelivery(row);
    },

    async requeueWebhookDelivery(appIds, id, now) {
      if (appIds.length === 0) return undefined;
      const requeued = await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'pending',
          next_attempt_at: now,
          lease_until: null,
          attempt_limit: sql`attempts + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('app_id', 'in', [...appIds])
        .where('status', '<>', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (requeued) return { delivery: toWebhookDelivery(requeued), requeued: true };
      // Still pending (or no such delivery): answered as it stands.
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', 'in', [...appIds])
        .executeTakeFirst();
      return row && { delivery: toWebhookDelivery(row), requeued: false };
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
