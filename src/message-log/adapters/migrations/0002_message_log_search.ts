import type { Kysely, Migration } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // Every search filter has an index: the app, the filter, then the page order (time,
    // id). A newest-first page of one filter then reads just the rows it returns, with no
    // sort; without `id` last, SQLite preferred walking all of the app's entries in order.
    // The first four replace 0001's, which stopped short of the page order.
    for (const name of [
      'message_log_by_destination',
      'message_log_by_tx_code',
      'message_log_by_device',
      'message_log_by_verification',
    ]) {
      await db.schema.dropIndex(name).execute();
    }
    const indexes: [string, string][] = [
      ['message_log_by_destination', 'destination'],
      ['message_log_by_tx_code', 'tx_code'],
      ['message_log_by_device', 'device_id'],
      ['message_log_by_verification', 'verification_id'],
      ['message_log_by_message_id', 'message_id'],
      ['message_log_by_status', 'status'],
      ['message_log_by_channel', 'channel'],
      ['message_log_by_provider', 'provider'],
      ['message_log_by_country', 'country'],
    ];
    for (const [name, column] of indexes) {
      await db.schema
        .createIndex(name)
        .on('message_log')
        .columns(['app_id', column, 'created_at', 'id'])
        .execute();
    }
  },
};
