import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // A chat message's text, image and buttons (Diyalog's sendmok), encrypted like the
    // code beside it and erased with it: the text may quote the code.
    await db.schema.alterTable('outbox_jobs').addColumn('message_ciphertext', 'text').execute();
    // A button press names the message it belongs to by the app's message id.
    await db.schema
      .createIndex('verifications_by_message_id')
      .on('verifications')
      .columns(['app_id', 'message_id'])
      .execute();
  },
};
