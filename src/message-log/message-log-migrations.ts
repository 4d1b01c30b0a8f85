import type { Kysely, Migration } from 'kysely';
import { runMigrations } from '../store/migrations.ts';

/**
 * The message log's migration history, apart from the Store's: its bookkeeping tables have
 * their own names, so the log may share a PostgreSQL schema with the Store (clustered mode
 * without OTPD_MESSAGE_LOG_URL) and each history still moves on its own. Never edit a
 * released migration; add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001_message_log': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('message_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('verification_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_message_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('timeline', 'text', (c) => c.notNull())
        .addColumn('latency_ms', 'bigint', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('tx_code', 'text')
        .addColumn('device_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // Pages are newest first per app; every filter narrows one app's entries.
      await db.schema
        .createIndex('message_log_by_app')
        .on('message_log')
        .columns(['app_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('message_log_by_verification')
        .on('message_log')
        .columns(['app_id', 'verification_id'])
        .execute();
      await db.schema
        .createIndex('message_log_by_destination')
        .on('message_log')
        .columns(['app_id', 'destination', 'created_at'])
        .execute();
      await db.schema
        .createIndex('message_log_by_tx_code')
        .on('message_log')
        .columns(['app_id', 'tx_code'])
        .execute();
      await db.schema
        .createIndex('message_log_by_device')
        .on('message_log')
        .columns(['app_id', 'device_id'])
        .execute();
      // Receipts find their message by the provider's id.
      await db.schema
        .createIndex('message_log_by_provider_message')
        .on('message_log')
        .columns(['provider_message_id'])
        .execute();
      await db.schema
        .createIndex('message_log_by_age')
        .on('message_log')
        .columns(['created_at'])
        .execute();
    },
  },
  '0002_message_log_search': {
    async up(db: Kysely<unknown>) {
      // Every search filter has an index: the app, the filter, then the page order (time,
      // id). A newest-first page of one filter then reads just the rows it returns, with no
      // sort; without `id` last, SQLite preferred walking all of the app's entries in order.
      // The first four replace 0001's, which stopped short of the page order.
      for (const name of [
        'message_log_by_destination',
        'message_log_by_tx_code',
        'message_log_by_device',
        'message_log_by_verification',
      ]) {
        await db.schema.dropIndex(name).execute();
      }
      const indexes: [string, string][] = [
        ['message_log_by_destination', 'destination'],
        ['message_log_by_tx_code', 'tx_code'],
        ['message_log_by_device', 'device_id'],
        ['message_log_by_verification', 'verification_id'],
        ['message_log_by_message_id', 'message_id'],
        ['message_log_by_status', 'status'],
        ['message_log_by_channel', 'channel'],
        ['message_log_by_provider', 'provider'],
        ['message_log_by_country', 'country'],
      ];
      for (const [name, column] of indexes) {
        await db.schema
          .createIndex(name)
          .on('message_log')
          .columns(['app_id', column, 'created_at', 'id'])
          .execute();
      }
    },
  },
  '0003_message_cost': {
    async up(db: Kysely<unknown>) {
      // What a provider charged for a message, where its receipt says (Twilio's status
      // callback `Price` and `PriceUnit`): for the analytics' cost per currency.
      await db.schema
        .alterTable('message_log')
        .addColumn('price_amount', 'double precision')
        .execute();
      await db.schema.alterTable('message_log').addColumn('price_currency', 'text').execute();
    },
  },
};

/** Brings the log's schema up to date, with a history and lock of its own. */
export function migrateMessageLog(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres',
): Promise<void> {
  return runMigrations(db, dialect, migrations, {
    migrationTableName: 'message_log_migration',
    migrationLockTableName: 'message_log_migration_lock',
  });
}
