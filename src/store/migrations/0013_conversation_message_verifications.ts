import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // The verification a web messenger message delivered (its code, its Diyalog message).
    await db.schema.alterTable('conversation_messages').addColumn('verification', 'text').execute();
  },
};
