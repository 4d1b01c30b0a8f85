import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // The country of a phone destination, for the analytics' per-country counts; null for
    // email and for verifications made before this column (their numbers are not re-read).
    await db.schema.alterTable('verifications').addColumn('country', 'text').execute();
    // The analytics read one app's verifications over a time range.
    await db.schema
      .createIndex('verifications_by_app_and_time')
      .on('verifications')
      .columns(['app_id', 'created_at'])
      .execute();
  },
};
