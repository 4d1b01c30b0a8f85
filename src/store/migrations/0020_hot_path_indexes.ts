import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Fewer index entries written per create, check and delivery: each index a row is in costs
 * a page write whenever the row is inserted or the indexed columns change.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // Superseding now reads verifications_by_destination over the last code lifetime
    // (verification-queries.ts), so pending verifications need no index of their own.
    await db.schema.dropIndex('verifications_pending_by_destination').execute();

    // Most verifications carry no message id: they stay out of its index. The look-up repeats
    // the predicate, and created_at lets it read a message id's newest first.
    await db.schema.dropIndex('verifications_by_message_id').execute();
    await db.schema
      .createIndex('verifications_by_message_id')
      .on('verifications')
      .columns(['app_id', 'message_id', 'created_at'])
      .where(sql.ref('message_id'), 'is not', null)
      .execute();

    // Claims (lease-queries.ts) read only pending rows: a job or a webhook delivery leaves
    // its queue's index when it is done, instead of moving to another status's part of it.
    for (const table of ['outbox_jobs', 'webhook_deliveries']) {
      await db.schema.dropIndex(`${table}_due`).execute();
      await db.schema
        .createIndex(`${table}_due`)
        .on(table)
        .column('next_attempt_at')
        .where(sql.ref('status'), '=', 'pending')
        .execute();
    }

    // A verification has a handful of jobs, read by verification and filtered on status:
    // without status in the key, a job's status change leaves this index alone.
    await db.schema.dropIndex('outbox_jobs_by_verification').execute();
    await db.schema
      .createIndex('outbox_jobs_by_verification')
      .on('outbox_jobs')
      .column('verification_id')
      .execute();
  },
};
