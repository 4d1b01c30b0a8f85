import type { Kysely } from 'kysely';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';
import type { Database } from './schema.ts';

type IdempotencyQueries = Pick<
  IdempotencyStore,
  'claimIdempotencyKey' | 'completeIdempotencyKey' | 'releaseIdempotencyKey'
>;

export function createIdempotencyQueries(db: Kysely<Database>): IdempotencyQueries {
  return {
    async claimIdempotencyKey(appId, key, fingerprint, now, expiresAt) {
      // One statement decides: a new key is inserted, an expired one is taken over, a live
      // one is left alone (and nothing is returned).
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({
          app_id: appId,
          idempotency_key: key,
          fingerprint,
          status_code: null,
          body: null,
          created_at: now,
          expires_at: expiresAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['app_id', 'idempotency_key'])
            .doUpdateSet({
              fingerprint,
              status_code: null,
              body: null,
              created_at: now,
              expires_at: expiresAt,
            })
            .where('idempotency_keys.expires_at', '<=', now),
        )
        .returning('app_id')
        .executeTakeFirst();
      if (claimed) return { state: 'claimed' };

      const existing = await db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status_code', 'body'])
        .where('app_id', '=', appId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (!existing) return { state: 'in_progress' }; // released between the two statements
      if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (existing.status_code === null || existing.body === null) return { state: 'in_progress' };
      return { state: 'replay', statusCode: existing.status_code, body: existing.body };
    },

    async completeIdempotencyKey(appId, key, statusCode, body) {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: statusCode, body })
        .where('app_id', '=', appId)
        .where('idempotency_key', '=', key)
        .execute();
    },

    async releaseIdempotencyKey(appId, key) {
      await db
        .deleteFrom('idempotency_keys')
        .where('app_id', '=', appId)
        .where('idempotency_key', '=', key)
        .where('status_code', 'is', null)
        .execute();
    },
  };
}
