import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { MessageFilters, MessageLog, MessageLogEntry } from '../message-log-ports.ts';
import { toEntry } from './message-log-rows.ts';
import { createMessageLogWrites, type MessageLogWrite } from './message-log-writes.ts';
import { createMessageStatsQueries } from './message-stats-queries.ts';
import { migrateMessageLog } from './migrations/index.ts';
import type { MessageLogDatabase, MessageLogTable } from './schema.ts';
import { createWriteBehind } from './write-behind.ts';

type Query = SelectQueryBuilder<MessageLogDatabase, 'message_log', MessageLogTable>;

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

/** How the log batches its writes (write-behind.ts); the defaults suit a busy server. */
export interface MessageLogBatching {
  /** How long a write may wait for others to share its transaction. */
  delayMs?: number;
  /** A batch this large is sent at once. */
  maxBatch?: number;
  /**
   * A batch failed as a whole and its writes are being retried one by one. Gets the
   * database's error, never the writes themselves (they hold destinations).
   */
  onBatchFailed?: (error: unknown, size: number) => void;
}

/**
 * The message log over any Kysely database. Writes are batched: those arriving within a few
 * milliseconds of each other commit in one transaction, in order, each caller's promise
 * settling with its own result; every read first waits for the writes accepted before it.
 */
export function createKyselyMessageLog(
  db: Kysely<MessageLogDatabase>,
  dialect: 'sqlite' | 'postgres',
  batching: MessageLogBatching = {},
): MessageLog {
  const writes = createMessageLogWrites(dialect);
  const behind = createWriteBehind<MessageLogWrite, MessageLogEntry | undefined>({
    applyBatch: (ops) => writes.applyBatch(db, ops),
    applyOne: (op) => writes.applyOne(db, op),
    delayMs: batching.delayMs ?? 0,
    maxBatch: batching.maxBatch ?? 64,
    onBatchFailed: batching.onBatchFailed,
  });
  const stats = createMessageStatsQueries(db, dialect);
  let closed: Promise<void> | undefined;

  return {
    migrate: () => migrateMessageLog(db as Kysely<unknown>, dialect),
    // Sends the writes still queued first; closing twice closes once.
    close() {
      closed ??= behind.flush().then(() => db.destroy());
      return closed;
    },
    async messageStats(q) {
      await behind.flush();
      return stats.messageStats(q);
    },

    async recordAttempt(attempt) {
      await behind.write({ kind: 'attempt', attempt });
    },

    appendStatus: (appId, id, event) => behind.write({ kind: 'status', appId, id, event }),

    async findByProviderMessageId(appId, providers, providerMessageId) {
      if (providers.length === 0) return undefined;
      await behind.flush();
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
      await behind.flush();
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
      await behind.flush();
      const row = await db
        .selectFrom('message_log')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', 'in', [...appIds])
        .executeTakeFirst();
      return row && toEntry(row);
    },

    async forVerification(appId, verificationId) {
      await behind.flush();
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
      await behind.flush();
      const result = await db
        .deleteFrom('message_log')
        .where('created_at', '<', t)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
