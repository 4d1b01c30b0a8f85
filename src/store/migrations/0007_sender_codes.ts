import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // A sender that makes its own code (integration mode 3): 1 marks a verification otpd
    // holds no code hash for (code_hash and code_key_id stay empty), and code_reference
    // keeps the sender's id for the code, which the app's validator is asked with.
    await db.schema
      .alterTable('verifications')
      .addColumn('external_code', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('verifications').addColumn('code_reference', 'text').execute();
  },
};
