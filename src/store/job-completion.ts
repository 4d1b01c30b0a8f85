import { type Kysely, type Selectable, sql } from 'kysely';
import type { EventSink, OutboxJob } from '../ports/store.ts';
import { verificationsLockedInOrder } from './locked-in-order.ts';
import { prepare } from './prepared.ts';
import { erasedAssignments, toVerification } from './rows.ts';
import { type Database, VERIFICATION_COLUMNS, type VerificationsTable } from './schema.ts';
import { onceByKey, turnBatch } from './turn-batch.ts';
import { createAnnouncer } from './webhook-queries.ts';

/** A send to record: the job as its sender claimed it, and what the provider answered. */
export type SentJob = {
  job: OutboxJob;
  provider: string;
  now: number;
  /** The code's reference to store; undefined leaves the verification's as it is. */
  reference: string | null | undefined;
  messageLogId: string | null;
  providerMessageId: string | null;
  events: EventSink | undefined;
};

/** The event a recorded send announces, with its verification as the send left it. */
export function sentEvent(sent: SentJob, row: Selectable<VerificationsTable>) {
  return {
    type: 'message.sent' as const,
    verification: toVerification(row),
    message: {
      provider: sent.provider,
      status: 'sent' as const,
      error: null,
      messageLogId: sent.messageLogId,
      providerMessageId: sent.providerMessageId,
    },
  };
}

type Columns<T> = { [K in keyof T]: T[K][] };
type Sent = {
  jobId: string;
  attempts: number;
  verificationId: string;
  appId: string;
  provider: string;
  now: number;
  reference: string | null;
  withReference: boolean;
};

/**
 * The sends recorded in one turn of the event loop, on PostgreSQL, as one transaction of two
 * statements (turn-batch.ts): one UPDATE marks every held job sent and its verification
 * delivered, its values passed as arrays so the SQL never changes and is compiled once; one
 * INSERT writes the `message.sent` deliveries, built from the rows it returned. Each job is
 * recorded only while its sender still holds it (pending, the same `attempts`).
 *
 * One UPDATE joining two jobs of the same verification would update it once and return it
 * once, so a verification's second send in a turn is recorded on its own after the batch;
 * a batch PostgreSQL ends to break a deadlock is recorded again one send at a time. Each of
 * those is this statement too, with one send: every send locks its verification before its
 * job, as a create's supersede does (locked-in-order.ts), so the two never wait for each other
 * in opposite orders.
 */
export function batchedSends(db: Kysely<Database>): (sent: SentJob) => Promise<void> {
  const announce = createAnnouncer(db);
  const recordAll = prepare((p: Columns<Sent>) => {
    const columns = sql.join(VERIFICATION_COLUMNS.map((column) => sql.ref(`v.${column}`)));
    const query = sql<Selectable<VerificationsTable> & { job_id: string }>`with
      delivered as materialized (${verificationsLockedInOrder(p.verificationId, p.appId)}),
      sent as (
        update outbox_jobs as j
        set status = 'sent', ${erasedAssignments()}, lease_until = null, updated_at = x.now
        from unnest(cast(${p.jobId} as text[]), cast(${p.attempts} as integer[]),
            cast(${p.verificationId} as text[]), cast(${p.appId} as text[]),
            cast(${p.provider} as text[]), cast(${p.now} as bigint[]),
            cast(${p.reference} as text[]), cast(${p.withReference} as boolean[]))
          as x(job_id, attempts, verification_id, app_id, provider, now, reference,
            with_reference)
        where j.id = x.job_id and j.status = 'pending' and j.attempts = x.attempts
          and (select count(*) from delivered) >= 0
        returning x.*)
      update verifications as v
      set delivery_status = 'sent', delivery_provider = s.provider,
        delivery_updated_at = s.now,
        code_reference = case when s.with_reference then s.reference else v.code_reference end
      from sent as s
      where v.id = s.verification_id and v.app_id = s.app_id
      returning s.job_id, ${columns}`;
    return { compile: () => query.compile(db) };
  });

  async function recordTogether(trx: Kysely<Database>, sends: SentJob[]): Promise<void> {
    const { rows } = await recordAll(trx, {
      jobId: sends.map((s) => s.job.id),
      attempts: sends.map((s) => s.job.attempts),
      verificationId: sends.map((s) => s.job.verificationId),
      appId: sends.map((s) => s.job.appId),
      provider: sends.map((s) => s.provider),
      now: sends.map((s) => s.now),
      reference: sends.map((s) => s.reference ?? null),
      withReference: sends.map((s) => s.reference !== undefined),
    });
    const byJob = new Map(sends.map((s) => [s.job.id, s]));
    const owed = rows.flatMap((row) => {
      const sent = byJob.get(row.job_id);
      return sent ? [{ events: sent.events, change: sentEvent(sent, row) }] : [];
    });
    await announce.each(trx, owed);
  }

  async function record(sends: SentJob[]): Promise<undefined[]> {
    // Without an event to write, the one statement is the whole transaction.
    if (sends.every((s) => !s.events)) await recordTogether(db, sends);
    else await db.transaction().execute((trx) => recordTogether(trx, sends));
    return sends.map(() => undefined);
  }

  return turnBatch((sends: SentJob[]) =>
    onceByKey(
      sends,
      (sent) => `${sent.job.appId}\n${sent.job.verificationId}`,
      record,
      async (sent) => {
        await record([sent]);
      },
    ),
  );
}
