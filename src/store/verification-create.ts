import { type ExpressionBuilder, type Kysely, type QueryCreator, sql } from 'kysely';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { batchedCreates, destinationKey } from './create-batch.ts';
import { definedColumns, prepare, prepareInsert } from './prepared.ts';
import { ERASED, fromJob, fromVerification, toVerification } from './rows.ts';
import { type Database, VERIFICATION_COLUMNS } from './schema.ts';
import { createAnnouncer } from './webhook-queries.ts';

/**
 * The longest a code lives: `ttlSeconds` is at most 86,400 in a request and in an app's
 * settings (a unit test holds both schemas to this). A verification created longer ago than
 * this has expired, whatever its status says, so superseding need not read it.
 */
export const LONGEST_CODE_LIFETIME_MS = 86_400_000;

/** A verification that ends before its code went out ends its delivery too. */
export const cancelDelivery = (now: number) => ({
  delivery_status: sql<string>`case when delivery_status = 'queued' then 'canceled' else delivery_status end`,
  delivery_updated_at: sql<number>`case when delivery_status = 'queued' then ${now} else delivery_updated_at end`,
});

/** What the queued (unsent) jobs of a verification become when it ends or is resent. */
const canceledJob = (now: number) => ({
  status: 'canceled',
  ...ERASED,
  lease_until: null,
  updated_at: now,
});

/** Cancels the queued jobs of each verification; run inside the caller's transaction. */
export function createQueuedJobCanceler(db: Kysely<Database>) {
  const cancelOf = prepare(
    (p: { verificationId: string; now: number }) =>
      db
        .updateTable('outbox_jobs')
        .set(canceledJob(p.now))
        .where('verification_id', '=', p.verificationId)
        .where('status', '=', 'pending'),
    { unread: true },
  );
  return async (trx: Kysely<Database>, verificationIds: string[], now: number) => {
    for (const verificationId of verificationIds) {
      await cancelOf(trx, { verificationId, now });
    }
  };
}

type Superseding = { appId: string; to: string; now: number; createdAfter: number };

/**
 * The destination's verifications a new one supersedes. It reads the destination's index from
 * `createdAfter` on: only the verifications that may still be unexpired (see
 * LONGEST_CODE_LIFETIME_MS). Its expiry is an expression no index answers, or PostgreSQL may
 * take the pending-by-expiry index instead, which holds the live verifications of every app
 * and destination.
 */
const supersedable = (p: Superseding) => (eb: ExpressionBuilder<Database, 'verifications'>) =>
  eb.and([
    eb('app_id', '=', p.appId),
    eb('destination', '=', p.to),
    eb('created_at', '>', p.createdAfter),
    eb('status', '=', 'pending'),
    eb(sql<number>`expires_at + 0`, '>', p.now),
  ]);

/** Cancels the destination's supersedable verifications, returning them. */
function supersedeOf(qb: QueryCreator<Database>, p: Superseding) {
  return qb
    .updateTable('verifications')
    .set({ status: 'canceled', reason: 'superseded', ...cancelDelivery(p.now), updated_at: p.now })
    .where(supersedable(p))
    .returning(VERIFICATION_COLUMNS);
}

/**
 * PostgreSQL's create after its lock, as one statement: it supersedes, cancels the superseded
 * verifications' queued jobs, inserts the verification and its job, and returns the
 * superseded rows. Data-modifying `with` clauses all run on the statement's snapshot, so the
 * new row is not among those superseded. Compiled once per set of columns the verification
 * and the job give.
 */
function createStatement(db: Kysely<Database>) {
  const byShape = new Map<string, ReturnType<typeof compile>>();
  const compile = (verification: string[], job: string[]) =>
    prepare((p: Superseding & Record<string, unknown>) => {
      const slots = (prefix: string, columns: string[]) =>
        Object.fromEntries(columns.map((column) => [column, p[prefix + column]])) as never;
      return db
        .with('superseded', (qb) => supersedeOf(qb, p))
        .with('canceled_jobs', (qb) =>
          qb
            .updateTable('outbox_jobs')
            .set(canceledJob(p.now))
            .where('verification_id', 'in', qb.selectFrom('superseded').select('id'))
            .where('status', '=', 'pending'),
        )
        .with('created', (qb) => qb.insertInto('verifications').values(slots('v.', verification)))
        .with('queued', (qb) => qb.insertInto('outbox_jobs').values(slots('j.', job)))
        .selectFrom('superseded')
        .select(VERIFICATION_COLUMNS);
    });
  // The rows are typed by their callers (rows.ts); here only their columns and values count.
  return (trx: Kysely<Database>, at: Superseding, verificationRow: object, jobRow: object) => {
    const v = verificationRow as Record<string, unknown>;
    const j = jobRow as Record<string, unknown>;
    const verification = definedColumns(v);
    const job = definedColumns(j);
    const key = `${verification.join(',')};${job.join(',')}`;
    let statement = byShape.get(key);
    if (statement === undefined) {
      statement = compile(verification, job);
      byShape.set(key, statement);
    }
    const params: Superseding & Record<string, unknown> = { ...at };
    for (const column of verification) params[`v.${column}`] = v[column];
    for (const column of job) params[`j.${column}`] = j[column];
    return statement(trx, params);
  };
}

/**
 * `createVerification`: one transaction that supersedes the destination's pending
 * verifications, writes the new one and its job, and announces both.
 */
export function createVerificationCreate(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): VerificationStore['createVerification'] {
  const announce = createAnnouncer(db);
  const cancelQueuedJobs = createQueuedJobCanceler(db);
  const supersede = prepare((p: Superseding) => supersedeOf(db, p));
  const anySupersedable = prepare((p: Superseding) =>
    db.selectFrom('verifications').select('id').where(supersedable(p)).limit(1),
  );
  const insertVerification = prepareInsert(db, 'verifications');
  const insertJob = prepareInsert(db, 'outbox_jobs');
  // Held, it goes out with the statement it guards (prepare's `unread`), in one round trip.
  const lockDestination = prepare(
    (p: { key: string }) => {
      const lock = sql`select pg_advisory_xact_lock(hashtextextended(${p.key}, 0))`;
      return { compile: () => lock.compile(db) };
    },
    { unread: true },
  );
  const writeInOneStatement = createStatement(db);
  const canceledBy = (rows: Parameters<typeof toVerification>[0][]) =>
    rows.map((row) => ({
      type: 'verification.canceled' as const,
      verification: toVerification(row),
    }));

  // SQLite's statements run in this process and cost little apart: its create keeps one per
  // step. Each of PostgreSQL's is a round trip, so its create is one statement after the lock.
  const sqliteCreate: VerificationStore['createVerification'] = (verification, job, events) =>
    db.transaction().execute(async (trx) => {
      const at = superseding(verification);
      // Most creates supersede nothing, and a read says so for about a third of what SQLite's
      // UPDATE … RETURNING costs even when it changes no row.
      const { rows: found } = await anySupersedable(trx, at);
      const superseded = found.length > 0 ? (await supersede(trx, at)).rows : [];
      const ids = superseded.map((r) => r.id);
      await cancelQueuedJobs(trx, ids, verification.createdAt);
      await insertVerification(trx, fromVerification(verification));
      await insertJob(trx, fromJob(job));
      await announce(trx, events, ...canceledBy(superseded), {
        type: 'verification.created',
        verification,
      });
      return ids;
    });

  const postgresCreate: VerificationStore['createVerification'] = (verification, job, events) =>
    db.transaction().execute(async (trx) => {
      // Under READ COMMITTED two creates for one destination would each miss the other's
      // uncommitted row and both stay pending; a lock per app and destination, held to
      // commit, puts them in line. It is a statement of its own: the next one's snapshot,
      // taken once the lock is held, sees what the previous holder committed.
      await lockDestination(trx, { key: destinationKey(verification) });
      const { rows: superseded } = await writeInOneStatement(
        trx,
        superseding(verification),
        fromVerification(verification),
        fromJob(job),
      );
      await announce(trx, events, ...canceledBy(superseded), {
        type: 'verification.created',
        verification,
      });
      return superseded.map((r) => r.id);
    });

  if (dialect === 'sqlite') return sqliteCreate;
  // A turn's creates are one transaction on PostgreSQL (create-batch.ts).
  const create = batchedCreates(
    db,
    (c) => postgresCreate(c.verification, c.job, c.events),
    LONGEST_CODE_LIFETIME_MS,
  );
  return (verification, job, events) => create({ verification, job, events });
}

function superseding(
  verification: Parameters<VerificationStore['createVerification']>[0],
): Superseding {
  return {
    appId: verification.appId,
    to: verification.to,
    now: verification.createdAt,
    createdAfter: verification.createdAt - LONGEST_CODE_LIFETIME_MS,
  };
}
