import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // One ADD COLUMN per statement: SQLite accepts no more. `settings` is the app's
    // settings document as JSON (secrets encrypted), null until first replaced;
    // `settings_revision` counts replacements, for compare-and-swap and cache checks.
    await db.schema.alterTable('apps').addColumn('settings', 'text').execute();
    await db.schema
      .alterTable('apps')
      .addColumn('settings_revision', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('apps').addColumn('settings_updated_at', 'bigint').execute();
  },
};
