import { type Kysely, sql } from 'kysely';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { VERIFICATION_EVENT_BY_STATUS } from '../webhooks/domain/events.ts';
import { prepare, prepareInsertRows } from './prepared.ts';
import { fromJob, toVerification } from './rows.ts';

import { type Database, VERIFICATION_COLUMNS } from './schema.ts';
import {
  cancelDelivery,
  createQueuedJobCanceler,
  createVerificationCreate,
} from './verification-create.ts';
import { createVerificationRead } from './verification-read.ts';
import { createAnnouncer } from './webhook-queries.ts';
import { batchedWrongChecks, type WrongCheck } from './wrong-check-count.ts';

export { LONGEST_CODE_LIFETIME_MS } from './verification-create.ts';

type VerificationQueries = Pick<
  VerificationStore,
  | 'createVerification'
  | 'getVerification'
  | 'findLatestVerification'
  | 'findVerificationByMessageId'
  | 'recordCheck'
  | 'resendVerification'
  | 'finishVerification'
  | 'listExpiredPending'
>;

export function createVerificationQueries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): VerificationQueries {
  const announce = createAnnouncer(db);
  const cancelQueuedJobs = createQueuedJobCanceler(db);
  // A resend's new job: nobody reads the insert's answer, so on PostgreSQL it goes out with
  // the commit (prepare's `unread`).
  const insertResentJob = prepareInsertRows(db, 'outbox_jobs', { unread: true });

  // The statements of every check, built and compiled once (see prepare).
  const readVerification = createVerificationRead(db, dialect);
  const selectLatest = prepare((p: { appId: string; to: string }) =>
    db
      .selectFrom('verifications')
      .select(VERIFICATION_COLUMNS)
      .where('app_id', '=', p.appId)
      .where('destination', '=', p.to)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  type Counted = { appId: string; id: string; expectedSends: number; now: number };
  /**
   * Counts an attempt on a pending, unexpired verification whose sends are as expected; `last`
   * narrows it to the attempt that spends the last one or to any other. A wrong code that leaves
   * it pending sets no status: the row is rewritten, not its pending-by-expiry index entry.
   */
  const countCheck = (outcome: (now: number) => Record<string, unknown>, last?: boolean) =>
    prepare((p: Counted) => {
      let query = db
        .updateTable('verifications')
        .set({ attempts: sql`attempts + 1`, ...outcome(p.now), updated_at: p.now })
        .where('id', '=', p.id)
        .where('app_id', '=', p.appId)
        .where('status', '=', 'pending')
        .where('expires_at', '>', p.now)
        .where('sends', '=', p.expectedSends)
        .where(sql<boolean>`attempts < max_attempts`);
      if (last !== undefined) {
        query = query.where(sql<boolean>`attempts + 1 ${sql.raw(last ? '>=' : '<')} max_attempts`);
      }
      return query.returning(VERIFICATION_COLUMNS);
    });
  const countValid = countCheck((now) => ({
    status: 'approved',
    reason: 'code_matched',
    approved_at: now,
  }));
  const countWrong = countCheck(() => ({}), false);
  const countWrongAlone = async (check: WrongCheck) => (await countWrong(db, check)).rows[0];
  const countWrongNow =
    dialect === 'postgres' ? batchedWrongChecks(db, countWrongAlone) : countWrongAlone;
  const countLastWrong = countCheck(
    () => ({ status: 'max_attempts_reached', reason: 'too_many_attempts' }),
    true,
  );
  return {
    createVerification: createVerificationCreate(db, dialect),

    async getVerification(appId, id) {
      const row = await readVerification({ appId, id });
      return row && toVerification(row);
    },

    async findLatestVerification(appId, to) {
      const [row] = (await selectLatest(db, { appId, to })).rows;
      return row && toVerification(row);
    },

    async findVerificationByMessageId(appId, messageId, to) {
      // `is not null` repeated from the index's predicate, for the planners that want it said.
      let query = db
        .selectFrom('verifications')
        .selectAll()
        .where('app_id', '=', appId)
        .where('message_id', 'is not', null)
        .where('message_id', '=', messageId);
      if (to !== undefined) query = query.where('destination', '=', to);
      const row = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toVerification(row);
    },

    async recordCheck({ appId, id, expectedSends, valid, now, events }) {
      const counted = { appId, id, expectedSends, now };
      // A wrong code: one more attempt, or the last, which ends the verification. Each statement
      // re-checks everything: a check that races between the two counts nothing, as if it lost.
      // One that leaves it pending announces nothing, so it needs no transaction.
      if (!valid) {
        const row = await countWrongNow(counted);
        if (row) return toVerification(row);
      }
      const count = async (trx: Kysely<Database>) => {
        const { rows } = await (valid ? countValid : countLastWrong)(trx, counted);
        return rows[0];
      };
      // One statement when nobody listens; with webhooks, the announcement joins it in a
      // transaction so an approval is never committed without its event.
      if (!events) {
        const row = await count(db);
        return row && toVerification(row);
      }
      return db.transaction().execute(async (trx) => {
        const row = await count(trx);
        if (!row) return undefined;
        const v = toVerification(row);
        if (v.status !== 'pending') {
          const type =
            VERIFICATION_EVENT_BY_STATUS[v.status as 'approved' | 'max_attempts_reached'];
          await announce(trx, events, { type, verification: v });
        }
        return v;
      });
    },

    async resendVerification({ appId, id, expectedSends, codeHash, codeKeyId, job, now }) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('verifications')
          .set({
            code_hash: codeHash,
            code_key_id: codeKeyId,
            // A sender that makes its codes names the new one when it is sent (completeJob);
            // until then no old reference is asked about.
            code_reference: null,
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
          .where('sends', '=', expectedSends)
          .where(sql<boolean>`sends < max_sends`)
          .where(sql<boolean>`last_sent_at + resend_cooldown_ms <= ${now}`)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await cancelQueuedJobs(trx, [id], now);
        await insertResentJob(trx, [fromJob(job)]);
        return toVerification(row);
      });
    },

    async finishVerification(appId, id, status, reason, now, events) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('verifications')
          .set({
            status,
            reason,
            ...cancelDelivery(now),
            ...(status === 'approved' ? { approved_at: now } : {}),
            updated_at: now,
          })
          .where('id', '=', id)
          .where('app_id', '=', appId)
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await cancelQueuedJobs(trx, [id], now);
        const v = toVerification(row);
        await announce(trx, events, {
          type: VERIFICATION_EVENT_BY_STATUS[status],
          verification: v,
        });
        return v;
      });
    },

    async listExpiredPending(now, limit) {
      const rows = await db
        .selectFrom('verifications')
        .select(['app_id', 'id'])
        .where('status', '=', 'pending')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ appId: r.app_id, id: r.id }));
    },
  };
}
