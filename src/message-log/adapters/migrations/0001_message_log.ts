import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
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
};
