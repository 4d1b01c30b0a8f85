import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // What a provider charged for a message, where its receipt says (Twilio's status
    // callback `Price` and `PriceUnit`): for the analytics' cost per currency.
    await db.schema
      .alterTable('message_log')
      .addColumn('price_amount', 'double precision')
      .execute();
    await db.schema.alterTable('message_log').addColumn('price_currency', 'text').execute();
  },
};
