import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // 1 marks a verification of one of the app's test numbers.
    await db.schema
      .alterTable('verifications')
      .addColumn('test', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
