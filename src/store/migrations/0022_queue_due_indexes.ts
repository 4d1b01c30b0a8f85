import type { Kysely, Migration } from 'kysely';

/**
 * The queues' claims read each app's pending rows through `<table>_pending_by_app`
 * (migration 0021), and nothing reads the older index of pending rows by due time any more.
 * Every job and webhook delivery entered it when queued and left it when done: two index
 * writes, and on SQLite a page written at each commit, for no reader.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['outbox_jobs', 'webhook_deliveries']) {
      await db.schema.dropIndex(`${table}_due`).execute();
    }
  },
};
