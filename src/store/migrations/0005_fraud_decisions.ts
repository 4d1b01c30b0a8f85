import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // The SMS-pumping guard's decisions: kept after they end (expired or lifted) as the
    // record of what the guard did and why.
    await db.schema
      .createTable('fraud_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('lifted_at', 'bigint')
      .execute();
    // Every guarded send looks up the live decisions of its prefix.
    await db.schema
      .createIndex('fraud_decisions_by_prefix')
      .on('fraud_decisions')
      .columns(['app_id', 'prefix', 'expires_at'])
      .execute();
    await db.schema
      .createIndex('fraud_decisions_by_app')
      .on('fraud_decisions')
      .columns(['app_id', 'created_at'])
      .execute();
  },
};
