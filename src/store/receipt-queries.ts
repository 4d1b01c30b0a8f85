import { type Kysely, sql } from 'kysely';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { ERASED, fromJob, toVerification } from './rows.ts';
import type { Database } from './schema.ts';

type ReceiptQueries = Pick<VerificationStore, 'recordDeliveryReceipt' | 'failoverVerification'>;

/** Delivery statuses a receipt's status may replace (see Store.recordDeliveryReceipt). */
const REPLACES: Record<'delivered' | 'undelivered' | 'failed', string[]> = {
  delivered: ['sent', 'undelivered', 'failed'],
  undelivered: ['sent'],
  failed: ['sent'],
};

/** Thrown inside a transaction to roll it back; never leaves this file. */
class RolledBack extends Error {}

export function createReceiptQueries(db: Kysely<Database>): ReceiptQueries {
  return {
    async recordDeliveryReceipt({ appId, verificationId, provider, status, now }) {
      const result = await db
        .updateTable('verifications')
        .set({ delivery_status: status, delivery_updated_at: now })
        .where('id', '=', verificationId)
        .where('app_id', '=', appId)
        .where('delivery_provider', '=', provider)
        .where('delivery_status', 'in', REPLACES[status])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async failoverVerification({ appId, id, failedProvider, codeHash, codeKeyId, job, now }) {
      try {
        return await db.transaction().execute(async (trx) => {
          // First the row lock: a racing failover waits here, then finds delivery `queued`.
          const row = await trx
            .updateTable('verifications')
            .set({
              code_hash: codeHash,
              code_key_id: codeKeyId,
              sends: sql`sends + 1`,
              last_sent_at: now,
              updated_at: now,
              delivery_status: 'queued',
              delivery_provider: null,
              delivery_updated_at: now,
            })
            .where('id', '=', id)
            .where('app_id', '=', appId)
            .where('status', '=', 'pending')
            .where('expires_at', '>', now)
            .where('delivery_provider', '=', failedProvider)
            .where('delivery_status', 'in', ['sent', 'undelivered', 'failed'])
            .returningAll()
            .executeTakeFirst();
          if (!row) return undefined;
          // Read under the lock, so a failover committed before it is seen.
          const earlier = await trx
            .selectFrom('outbox_jobs')
            .select('id')
            .where('verification_id', '=', id)
            .where('after_provider', '=', failedProvider)
            .limit(1)
            .executeTakeFirst();
          if (earlier) throw new RolledBack();
          await trx
            .updateTable('outbox_jobs')
            .set({ status: 'canceled', ...ERASED, lease_until: null, updated_at: now })
            .where('verification_id', '=', id)
            .where('status', '=', 'pending')
            .execute();
          await trx.insertInto('outbox_jobs').values(fromJob(job)).execute();
          return toVerification(row);
        });
      } catch (error) {
        if (error instanceof RolledBack) return undefined;
        throw error;
      }
    },
  };
}
