import { type Kysely, type Selectable, sql } from 'kysely';
import type { EventSink, OutboxJob } from '../ports/store.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';
import { definedColumns, prepare } from './prepared.ts';
import { erasedAssignments, fromJob, fromVerification, toVerification } from './rows.ts';
import { type Database, VERIFICATION_COLUMNS, type VerificationsTable } from './schema.ts';
import { onceByKey, turnBatch } from './turn-batch.ts';
import { createAnnouncer, type Owed } from './webhook-queries.ts';

/** A verification to create with its first job, announced to its app's subscriptions. */
export type Create = {
  verification: VerificationRecord;
  job: OutboxJob;
  events: EventSink | undefined;
};

/** The lock a create holds to commit: one per app and destination (verification-create.ts). */
export const destinationKey = (v: VerificationRecord) => `${v.appId}\n${v.to}`;

type Row = Record<string, unknown>;

/**
 * The creates of one turn of the event loop, on PostgreSQL, as one transaction (turn-batch.ts)
 * where each took its own: one statement takes every destination's lock, in one order so that
 * two batches never wait on each other; one supersedes, cancels the superseded verifications'
 * queued jobs and inserts every verification and job, the rows passed as JSON so the SQL never
 * changes with their number; one inserts the events. Each create supersedes what `one`, the
 * transaction of a single create, would.
 *
 * Two creates for one destination must supersede in turn, so a destination's second create in
 * a turn runs on its own after the batch; a turn's lone create runs on its own too.
 */
export function batchedCreates(
  db: Kysely<Database>,
  one: (create: Create) => Promise<string[]>,
  longestLifetimeMs: number,
): (create: Create) => Promise<string[]> {
  const announce = createAnnouncer(db);
  // Held, it goes out with the statement after it (prepare's `unread`), in one round trip.
  const lockAll = prepare(
    (p: { keys: string[] }) => {
      const locks = sql`select count(pg_advisory_xact_lock(h)) from (
          select distinct hashtextextended(k, 0) as h from unnest(cast(${p.keys} as text[])) as k
          order by h) as locks`;
      return { compile: () => locks.compile(db) };
    },
    { unread: true },
  );
  const byShape = new Map<string, ReturnType<typeof compile>>();
  const compile = (verification: string[], job: string[]) =>
    prepare((p: { verifications: string; jobs: string; longest: number }) => {
      const vColumns = sql.join(verification.map((column) => sql.ref(column)));
      const jColumns = sql.join(job.map((column) => sql.ref(column)));
      const returned = sql.join(VERIFICATION_COLUMNS.map((column) => sql.ref(`v.${column}`)));
      // The superseding of verification-create.ts's `supersedeOf`, for each new row at once,
      // its rows locked in the order of their ids first (locked-in-order.ts).
      const query = sql<Selectable<VerificationsTable>>`with
        x as (select * from jsonb_populate_recordset(null::verifications,
          cast(${p.verifications} as jsonb))),
        superseding as materialized (
          select v.id from verifications as v
          join x on v.app_id = x.app_id and v.destination = x.destination
            and v.created_at > x.created_at - ${p.longest} and v.status = 'pending'
            and v.expires_at + 0 > x.created_at
          order by v.id for update of v),
        superseded as (
          update verifications as v
          set status = 'canceled', reason = 'superseded', updated_at = x.created_at,
            delivery_status = case when v.delivery_status = 'queued' then 'canceled'
              else v.delivery_status end,
            delivery_updated_at = case when v.delivery_status = 'queued' then x.created_at
              else v.delivery_updated_at end
          from x
          where v.id in (select id from superseding)
            and v.app_id = x.app_id and v.destination = x.destination
          returning ${returned}),
        canceled_jobs as (
          update outbox_jobs as j
          set status = 'canceled', ${erasedAssignments()}, lease_until = null,
            updated_at = s.updated_at
          from superseded as s
          where j.verification_id = s.id and j.status = 'pending'),
        created as (insert into verifications (${vColumns}) select ${vColumns} from x),
        queued as (insert into outbox_jobs (${jColumns}) select ${jColumns}
          from jsonb_populate_recordset(null::outbox_jobs, cast(${p.jobs} as jsonb)))
        select * from superseded`;
      return { compile: () => query.compile(db) };
    });

  /** The rows each create supersedes, by its destination's key. */
  async function writeAll(trx: Kysely<Database>, creates: Create[]) {
    const superseded = new Map<string, Selectable<VerificationsTable>[]>();
    // Creates whose rows give the same columns share a statement: usually all of them.
    const shapes = new Map<string, { verifications: Row[]; jobs: Row[] }>();
    for (const create of creates) {
      const verification: Row = { ...fromVerification(create.verification) };
      const job: Row = { ...fromJob(create.job) };
      const columns = [definedColumns(verification), definedColumns(job)] as const;
      const key = columns.map((c) => c.join(',')).join(';');
      if (!byShape.has(key)) byShape.set(key, compile(...columns));
      const shape = shapes.get(key) ?? { verifications: [], jobs: [] };
      shape.verifications.push(verification);
      shape.jobs.push(job);
      shapes.set(key, shape);
    }
    for (const [key, rows] of shapes) {
      const write = byShape.get(key) as ReturnType<typeof compile>;
      const { rows: canceled } = await write(trx, {
        verifications: JSON.stringify(rows.verifications),
        jobs: JSON.stringify(rows.jobs),
        longest: longestLifetimeMs,
      });
      for (const row of canceled) {
        const of = `${row.app_id}\n${row.destination}`;
        superseded.set(of, [...(superseded.get(of) ?? []), row]);
      }
    }
    return superseded;
  }

  async function createTogether(creates: Create[]): Promise<string[][]> {
    return db.transaction().execute(async (trx) => {
      const keys = creates.map((c) => destinationKey(c.verification));
      await lockAll(trx, { keys });
      const superseded = await writeAll(trx, creates);
      const rowsOf = (c: Create) => superseded.get(destinationKey(c.verification)) ?? [];
      const owed = creates.flatMap((create): Owed[] => [
        ...rowsOf(create).map((row) => ({
          events: create.events,
          change: { type: 'verification.canceled' as const, verification: toVerification(row) },
        })),
        {
          events: create.events,
          change: { type: 'verification.created', verification: create.verification },
        },
      ]);
      await announce.each(trx, owed);
      return creates.map((create) => rowsOf(create).map((row) => row.id));
    });
  }

  return turnBatch((creates: Create[]) =>
    onceByKey(
      creates,
      (create) => destinationKey(create.verification),
      // A lone create is a single create's transaction: one statement fewer.
      (together) =>
        together.length === 1 ? Promise.all(together.map(one)) : createTogether(together),
      one,
    ),
  );
}
