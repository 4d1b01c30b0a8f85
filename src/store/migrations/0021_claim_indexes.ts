import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The claims (lease-queries.ts) step from one app with pending rows to the next and read each
 * app's oldest pending rows in order, through an index of the pending rows alone keyed as
 * they are read: a claim costs what it takes, however long the queue.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['outbox_jobs', 'webhook_deliveries']) {
      await db.schema
        .createIndex(`${table}_pending_by_app`)
        .on(table)
        .columns(['app_id', 'next_attempt_at', 'id'])
        .where(sql.ref('status'), '=', 'pending')
        .execute();
    }
  },
};
