import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { STATUS_RANK } from '../domain/message-status.ts';
import type { Channel } from '../domain/recipients.ts';
import type {
  MessageEvent,
  MessageFilters,
  MessageLog,
  MessageLogEntry,
  MessageStatus,
} from '../ports/message-log.ts';
import { migrateMessageLog } from './message-log-migrations.ts';
import { createMessageStatsQueries } from './message-stats-queries.ts';
import type { MessageLogDatabase, MessageLogTable } from './schema.ts';

type Row = MessageLogTable;
type Query = SelectQueryBuilder<MessageLogDatabase, 'message_log', Row>;

function toEntry(row: Row): MessageLogEntry {
  return {
    id: row.id,
    appId: row.app_id,
    verificationId: row.verification_id,
    channel: row.channel as Channel,
    to: row.destination,
    country: row.country,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    status: row.status as MessageStatus,
    timeline: JSON.parse(row.timeline) as MessageEvent[],
    latencyMs: Number(row.latency_ms),
    errorCode: row.error_code,
    price:
      row.price_amount === null || row.price_currency === null
        ? null
        : { amount: Number(row.price_amount), currency: row.price_currency },
    txCode: row.tx_code,
    deviceId: row.device_id,
    messageId: row.message_id,
    createdAt: Number(row.created_at),
  };
}

/** The stored status's rank (domain/message-status.ts), as SQL. */
const rankOf = sql.raw(
  `(case status ${Object.entries(STATUS_RANK)
    .map(([status, rank]) => `when '${status}' then ${rank}`)
    .join(' ')} else 0 end)`,
);

function eventJson(event: MessageEvent): string {
  const { status, at, error } = event;
  return JSON.stringify(error ? { status, at, error } : { status, at });
}

function filtered(query: Query, f: MessageFilters): Query {
  let q = query;
  if (f.txCode !== undefined) q = q.where('tx_code', '=', f.txCode);
  if (f.deviceId !== undefined) q = q.where('device_id', '=', f.deviceId);
  if (f.messageId !== undefined) q = q.where('message_id', '=', f.messageId);
  if (f.verificationId !== undefined) q = q.where('verification_id', '=', f.verificationId);
  if (f.to !== undefined) q = q.where('destination', '=', f.to);
  if (f.country !== undefined) q = q.where('country', '=', f.country);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
  if (f.provider !== undefined) q = q.where('provider', '=', f.provider);
  if (f.from !== undefined) q = q.where('created_at', '>=', f.from);
  if (f.until !== undefined) q = q.where('created_at', '<', f.until);
  return q;
}

/** The message log over any Kysely database; the dialect only changes how JSON is appended. */
export function createKyselyMessageLog(
  db: Kysely<MessageLogDatabase>,
  dialect: 'sqlite' | 'postgres',
): MessageLog {
  // One statement appends to the stored array, so concurrent receipts never overwrite each other.
  const appended = (event: MessageEvent) =>
    dialect === 'postgres'
      ? sql<string>`(timeline::jsonb || ${eventJson(event)}::jsonb)::text`
      : sql<string>`json_insert(timeline, '$[#]', json(${eventJson(event)}))`;

  return {
    migrate: () => migrateMessageLog(db as Kysely<unknown>, dialect),
    close: () => db.destroy(),
    ...createMessageStatsQueries(db, dialect),

    async recordAttempt(a) {
      const first: MessageEvent = { status: a.status, at: a.createdAt, error: a.errorCode };
      await db
        .insertInto('message_log')
        .values({
          id: a.id,
          app_id: a.appId,
          verification_id: a.verificationId,
          channel: a.channel,
          destination: a.to,
          country: a.country,
          provider: a.provider,
          provider_message_id: a.providerMessageId,
          status: a.status,
          timeline: `[${eventJson(first)}]`,
          latency_ms: Math.max(0, Math.round(a.latencyMs)),
          error_code: a.errorCode,
          price_amount: null,
          price_currency: null,
          tx_code: a.txCode,
          device_id: a.deviceId,
          message_id: a.messageId,
          created_at: a.createdAt,
        })
        .execute();
    },

    async appendStatus(appId, id, event) {
      // Decided inside the statement against the stored status, so racing receipts cannot
      // move it back; RETURNING hands back the row as this statement left it.
      const moves = sql<boolean>`${STATUS_RANK[event.status]} > ${rankOf}`;
      const row = await db
        .updateTable('message_log')
        .set({
          status: sql<string>`case when ${moves} then ${event.status} else status end`,
          timeline: appended(event),
          ...(event.error
            ? {
                error_code: sql<string>`case when ${moves} then ${event.error} else error_code end`,
              }
            : {}),
          // The newest price a receipt reports stands, whatever the status does.
          ...(event.price
            ? { price_amount: event.price.amount, price_currency: event.price.currency }
            : {}),
        })
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toEntry(row);
    },

    async findByProviderMessageId(appId, providers, providerMessageId) {
      if (providers.length === 0) return undefined;
      const row = await db
        .selectFrom('message_log')
        .selectAll()
        .where('provider_message_id', '=', providerMessageId)
        .where('app_id', '=', appId)
        .where('provider', 'in', [...providers])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toEntry(row);
    },

    async list(appIds, filters, cursor, limit) {
      if (appIds.length === 0) return { entries: [], nextCursor: null };
      let query = filtered(
        db
          .selectFrom('message_log')
          .selectAll()
          .where('app_id', 'in', [...appIds]),
        filters,
      );
      if (cursor) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', cursor.createdAt),
            eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
          ]),
        );
      }
      // One more than asked tells whether another page follows.
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const entries = rows.slice(0, limit).map(toEntry);
      const last = entries.at(-1);
      return {
        entries,
        nextCursor: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
      };
    },

    async get(appIds, id) {
      if (appIds.length === 0) return undefined;
      const row = await db
        .selectFrom('message_log')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', 'in', [...appIds])
        .executeTakeFirst();
      return row && toEntry(row);
    },

    async forVerification(appId, verificationId) {
      const rows = await db
        .selectFrom('message_log')
        .selectAll()
        .where('app_id', '=', appId)
        .where('verification_id', '=', verificationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEntry);
    },

    async purgeOlderThan(t) {
      const result = await db
        .deleteFrom('message_log')
        .where('created_at', '<', t)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
