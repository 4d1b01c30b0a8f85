import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // How a chat message's own code is pressed back (JSON ChatCodeForm): whether it is
    // digits and whether only a signed press approves. Null for otpd's codes, and for chat
    // codes stored before: those were digits, pressed raw.
    await db.schema.alterTable('verifications').addColumn('chat_code', 'text').execute();
  },
};
