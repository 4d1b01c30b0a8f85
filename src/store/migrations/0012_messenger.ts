import { type Kysely, type Migration, sql } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // One open conversation per verified phone and app: a visitor who verifies again
    // returns to it. Both databases accept a partial unique index.
    await db.schema
      .createIndex('conversations_open_by_phone')
      .on('conversations')
      .columns(['app_id', 'phone'])
      .unique()
      .where(sql.ref('status'), '<>', 'closed')
      .execute();
    await db.schema
      .createIndex('conversations_by_app')
      .on('conversations')
      .columns(['app_id', 'status', 'id'])
      .execute();
    await db.schema
      .createTable('conversation_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('image', 'text')
      .addColumn('buttons', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('conversation_messages_sequence', ['conversation_id', 'sequence'])
      .execute();
    await db.schema
      .createTable('messenger_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
  },
};
