import { type Kysely, sql } from 'kysely';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { VERIFICATION_EVENT_BY_STATUS } from '../webhooks/domain/events.ts';
import { prepare, prepareInsert } from './prepared.ts';
import { ERASED, fromJob, fromVerification, toVerification } from './rows.ts';

/**
 * The longest a code lives: `ttlSeconds` is at most 86,400 in a request and in an app's
 * settings (a unit test holds both schemas to this). A verification created longer ago than
 * this has expired, whatever its status says, so superseding need not read it.
 */
export const LONGEST_CODE_LIFETIME_MS = 86_400_000;

/** A verification that ends before its code went out ends its delivery too. */
const cancelDelivery = (now: number) => ({
  delivery_status: sql<string>`case when delivery_status = 'queued' then 'canceled' else delivery_status end`,
  delivery_updated_at: sql<number>`case when delivery_status = 'queued' then ${now} else delivery_updated_at end`,
});

import { type Database, VERIFICATION_COLUMNS } from './schema.ts';
import { createAnnouncer } from './webhook-queries.ts';

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
  /** Cancels the queued (unsent) jobs of a verification; run inside the caller's transaction. */
  const cancelQueuedJobsOf = prepare((p: { verificationId: string; now: number }) =>
    db
      .updateTable('outbox_jobs')
      .set({ status: 'canceled', ...ERASED, lease_until: null, updated_at: p.now })
      .where('verification_id', '=', p.verificationId)
      .where('status', '=', 'pending'),
  );
  const cancelQueuedJobs = async (
    trx: Kysely<Database>,
    verificationIds: string[],
    now: number,
  ) => {
    for (const verificationId of verificationIds) {
      await cancelQueuedJobsOf(trx, { verificationId, now });
    }
  };

  // The statements of every create and check, built and compiled once (see prepare).
  // Superseding reads the destination's index from `createdAfter` on: only the verifications
  // that may still be unexpired (see LONGEST_CODE_LIFETIME_MS). Its expiry is an expression
  // no index answers, or PostgreSQL may take the pending-by-expiry index instead, which holds
  // the live verifications of every app and destination.
  const supersede = prepare((p: { appId: string; to: string; now: number; createdAfter: number }) =>
    db
      .updateTable('verifications')
      .set({
        status: 'canceled',
        reason: 'superseded',
        ...cancelDelivery(p.now),
        updated_at: p.now,
      })
      .where('app_id', '=', p.appId)
      .where('destination', '=', p.to)
      .where('created_at', '>', p.createdAfter)
      .where('status', '=', 'pending')
      .where(sql<number>`expires_at + 0`, '>', p.now)
      .returning(VERIFICATION_COLUMNS),
  );
  const insertVerification = prepareInsert(db, 'verifications');
  const lockDestination = prepare((p: { key: string }) => {
    const lock = sql`select pg_advisory_xact_lock(hashtextextended(${p.key}, 0))`;
    return { compile: () => lock.compile(db) };
  });
  const insertJob = prepareInsert(db, 'outbox_jobs');
  const selectVerification = prepare((p: { appId: string; id: string }) =>
    db
      .selectFrom('verifications')
      .select(VERIFICATION_COLUMNS)
      .where('id', '=', p.id)
      .where('app_id', '=', p.appId),
  );
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
  const countLastWrong = countCheck(
    () => ({ status: 'max_attempts_reached', reason: 'too_many_attempts' }),
    true,
  );
  /**
   * A wrong code: one more attempt, or the last, which ends the verification. Each statement
   * re-checks everything: a check that races between the two counts nothing, as if it lost.
   */
  const countInvalid = async (trx: Kysely<Database>, p: Counted) => {
    const counted = await countWrong(trx, p);
    return counted.rows.length > 0 ? counted : countLastWrong(trx, p);
  };

  return {
    async createVerification(verification, job, events) {
      return db.transaction().execute(async (trx) => {
        // SQLite runs one writer at a time. Under PostgreSQL's READ COMMITTED two creates for
        // one destination would each miss the other's uncommitted row and both stay pending;
        // a lock per app and destination, held to commit, puts them in line.
        if (dialect === 'postgres') {
          await lockDestination(trx, { key: `${verification.appId}\n${verification.to}` });
        }
        const { rows: superseded } = await supersede(trx, {
          appId: verification.appId,
          to: verification.to,
          now: verification.createdAt,
          createdAfter: verification.createdAt - LONGEST_CODE_LIFETIME_MS,
        });
        const ids = superseded.map((r) => r.id);
        await cancelQueuedJobs(trx, ids, verification.createdAt);
        await insertVerification(trx, fromVerification(verification));
        await insertJob(trx, fromJob(job));
        await announce(
          trx,
          events,
          ...superseded.map((row) => ({
            type: 'verification.canceled' as const,
            verification: toVerification(row),
          })),
          { type: 'verification.created', verification },
        );
        return ids;
      });
    },

    async getVerification(appId, id) {
      const [row] = (await selectVerification(db, { appId, id })).rows;
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
      const count = async (trx: Kysely<Database>) => {
        const { rows } = await (valid ? countValid : countInvalid)(trx, counted);
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
        await trx.insertInto('outbox_jobs').values(fromJob(job)).execute();
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
