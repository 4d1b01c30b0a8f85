import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // What each try of a delivery got (JSON array of WebhookAttempt), for the console's
    // delivery detail; deliveries made before start with an empty log.
    await db.schema
      .alterTable('webhook_deliveries')
      .addColumn('attempt_log', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
