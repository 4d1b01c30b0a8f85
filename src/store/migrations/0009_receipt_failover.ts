import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // A failover job's providers start after this one: the provider whose receipt said
    // the previous code never arrived. Null for every other job (all providers, in order).
    await db.schema.alterTable('outbox_jobs').addColumn('after_provider', 'text').execute();
  },
};
