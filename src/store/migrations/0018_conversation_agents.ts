import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // Who took a conversation in the console's inbox: an admin's id while its status is
    // `agent`. Null for every conversation before, as none was taken in the console.
    await db.schema.alterTable('conversations').addColumn('agent_id', 'text').execute();
    // The inbox's live stream reads what changed in the admin's apps since a moment.
    await db.schema
      .createIndex('conversations_by_app_and_update')
      .on('conversations')
      .columns(['app_id', 'updated_at'])
      .execute();
  },
};
