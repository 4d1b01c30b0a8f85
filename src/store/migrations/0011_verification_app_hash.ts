import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // A request's own Android SMS Retriever hash (Twilio's AppHash), over the app's setting.
    await db.schema.alterTable('verifications').addColumn('android_app_hash', 'text').execute();
  },
};
