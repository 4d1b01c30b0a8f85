import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL's claims (lease-queries.ts) step from one app with pending rows to the next and
 * read each app's oldest pending rows in order, through an index of the pending rows alone
 * keyed as they are read. SQLite ranks its queue in one pass and needs no such index.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
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
