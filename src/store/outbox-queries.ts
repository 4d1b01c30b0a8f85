import type { Kysely, Selectable } from 'kysely';
import type { JobQueue, OutboxJob } from '../ports/store.ts';
import { batchedSends, type SentJob, sentEvent } from './job-completion.ts';
import { createClaim, extendLease } from './lease-queries.ts';
import { prepare } from './prepared.ts';
import { ERASED, toJob, toVerification } from './rows.ts';
import { type Database, type OutboxJobsTable, VERIFICATION_COLUMNS } from './schema.ts';
import { createAnnouncer } from './webhook-queries.ts';

type OutboxQueries = JobQueue;

/**
 * An update of a job that only applies while the caller still holds it: the job is pending
 * and no one claimed it since (each claim counts an attempt, so `attempts` is the fencing
 * token). A dispatcher whose lease lapsed mid-send cannot overwrite its successor's outcome,
 * and a job canceled by a resend stays canceled.
 */
function holdingLease(db: Kysely<Database>, job: OutboxJob) {
  return db
    .updateTable('outbox_jobs')
    .where('id', '=', job.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', job.attempts);
}

export function createOutboxQueries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): OutboxQueries {
  const announce = createAnnouncer(db);
  const claim = createClaim(db, dialect, 'outbox_jobs');
  // The statements of every sent code, built and compiled once (see prepare).
  const sentJob = (p: { id: string; attempts: number; now: number }) =>
    db
      .updateTable('outbox_jobs')
      .set({ status: 'sent', ...ERASED, lease_until: null, updated_at: p.now })
      .where('id', '=', p.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', p.attempts);
  const markSent = prepare(sentJob);
  type Sent = {
    id: string;
    appId: string;
    provider: string;
    now: number;
    reference: string | null;
  };
  /** A sender that makes its codes names the code it sent: the reference checks ask about. */
  const delivery = (p: Sent, withReference: boolean) => ({
    delivery_status: 'sent',
    delivery_provider: p.provider,
    delivery_updated_at: p.now,
    ...(withReference ? { code_reference: p.reference } : {}),
  });
  const deliveredAs = (withReference: boolean) =>
    prepare((p: Sent) =>
      db
        .updateTable('verifications')
        .set(delivery(p, withReference))
        .where('id', '=', p.id)
        .where('app_id', '=', p.appId)
        .returning(VERIFICATION_COLUMNS),
    );
  const [delivered, deliveredWithReference] = [deliveredAs(false), deliveredAs(true)];
  /**
   * Marks a held job sent and its verification delivered, naming the code's reference when
   * `withReference`: the verification as it now is, or undefined when the job was not held.
   */
  const recordSent = async (
    trx: Kysely<Database>,
    job: OutboxJob,
    sent: Sent,
    withReference: boolean,
  ) => {
    const held = await markSent(trx, { id: job.id, attempts: job.attempts, now: sent.now });
    if (Number(held.numAffectedRows ?? 0) === 0) return undefined;
    return (await (withReference ? deliveredWithReference : delivered)(trx, sent)).rows[0];
  };

  /** One send recorded in its own transaction, with its event (SQLite's way). */
  const recordOne = async (sent: SentJob) => {
    const { job, provider, now, reference, events } = sent;
    const complete = async (trx: Kysely<Database>) => {
      const delivered = { id: job.verificationId, appId: job.appId, provider, now };
      const withReference = reference !== undefined;
      const row = await recordSent(
        trx,
        job,
        { ...delivered, reference: reference ?? null },
        withReference,
      );
      if (row) await announce(trx, events, sentEvent(sent, row));
    };
    await db.transaction().execute(complete);
  };
  // PostgreSQL records a turn's sends together; SQLite's statements cost no round trip.
  const recordSend = dialect === 'postgres' ? batchedSends(db) : recordOne;

  return {
    async claimDueJobs(now, leaseMs, limit, share) {
      const rows = await claim({ now, leaseMs, limit }, share);
      return rows.map((row) => toJob(row as Selectable<OutboxJobsTable>));
    },

    extendJobLease(job, until) {
      return extendLease(db, 'outbox_jobs', job, until);
    },

    async releaseJob(job, nextAttemptAt, now) {
      await holdingLease(db, job)
        .set({
          lease_until: null,
          next_attempt_at: nextAttemptAt,
          updated_at: now,
        })
        .execute();
    },

    completeJob(job, { provider, now, reference, messageLogId, providerMessageId }, events) {
      return recordSend({
        job,
        provider,
        now,
        reference,
        messageLogId: messageLogId ?? null,
        providerMessageId: providerMessageId ?? null,
        events,
      });
    },

    async retryJob(job, nextAttemptAt, error, now) {
      await holdingLease(db, job)
        .set({
          next_attempt_at: nextAttemptAt,
          lease_until: null,
          last_error: error,
          updated_at: now,
        })
        .execute();
    },

    async failJob(job, error, now, events, provider = null) {
      await db.transaction().execute(async (trx) => {
        // The verification first, as every other writer of both locks them on PostgreSQL
        // (locked-in-order.ts): a create superseding it never waits for this in reverse.
        if (dialect === 'postgres') {
          await trx
            .selectFrom('verifications')
            .select('id')
            .where('id', '=', job.verificationId)
            .where('app_id', '=', job.appId)
            .forUpdate()
            .execute();
        }
        const held = await holdingLease(trx, job)
          .set({
            status: 'failed',
            ...ERASED,
            lease_until: null,
            last_error: error,
            updated_at: now,
          })
          .executeTakeFirst();
        if (Number(held.numUpdatedRows) === 0) return;
        const ofJob = trx
          .updateTable('verifications')
          .where('id', '=', job.verificationId)
          .where('app_id', '=', job.appId);
        const delivery = { delivery_status: 'failed', delivery_updated_at: now, updated_at: now };
        // A verification still waiting for this code fails with it; a finished one keeps its
        // status and only records how its delivery ended.
        const failed = await ofJob
          .set({ status: 'failed', reason: 'delivery_failed', ...delivery })
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirst();
        const row = failed ?? (await ofJob.set(delivery).returningAll().executeTakeFirst());
        if (!row) return;
        const verification = toVerification(row);
        await announce(
          trx,
          events,
          {
            type: 'message.failed',
            verification,
            message: { provider, status: 'failed', error },
          },
          ...(failed ? [{ type: 'verification.failed' as const, verification }] : []),
        );
      });
    },

    async cancelJob(job, now) {
      await holdingLease(db, job)
        .set({ status: 'canceled', ...ERASED, lease_until: null, updated_at: now })
        .execute();
    },
  };
}
